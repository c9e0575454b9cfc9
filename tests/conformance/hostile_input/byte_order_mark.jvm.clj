;; The JVM variant of byte_order_mark.clj (Clojure reads the mark as a symbol): the
;; same program without it.
(println "after a byte order mark")
(println (+ 1 2))
