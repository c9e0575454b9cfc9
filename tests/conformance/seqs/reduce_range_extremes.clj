;; reduce over ranges of longs that end next to Long/MAX_VALUE or start at
;; Long/MIN_VALUE: the next long is computed only when there is one, so nothing
;; overflows. (JVM Clojure 1.11's LongRange.reduce steps past the end of these and runs
;; out of memory; the expectations are recorded from reduce_range_extremes.jvm.clj,
;; which walks the same ranges as seqs.)
(println (reduce conj [] (range (- Long/MAX_VALUE 5) Long/MAX_VALUE 4)))
(println (reduce conj [] (range Long/MIN_VALUE Long/MAX_VALUE Long/MAX_VALUE)))
(println (reduce conj [] (range (- Long/MAX_VALUE 2) Long/MAX_VALUE)))
(println (reduce conj [] (range Long/MAX_VALUE (- Long/MAX_VALUE 3) -1)))
