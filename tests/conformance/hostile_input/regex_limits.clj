;; Catastrophic backtracking and a backtracking point per character: PCRE2's match, depth
;; and heap limits make them a RuntimeException the program catches and goes on from
;; (before, the first ran for ever and the last grew the heap by gigabytes). The messages
;; go to *err*, where regex_limits.err checks them.
;; labels: slow
(defn attempt [f]
  (try (f) :no-error
       (catch RuntimeException e
         (binding [*out* *err*] (println (ex-message e)))
         :caught)))
(println (attempt #(re-find #"(a|aa)*b" (str (apply str (repeat 100000 "a")) "cb"))))
(println (attempt #(doall (re-seq #"(x+x+)+y" (str (apply str (repeat 40 "x")) "zy")))))
(println (attempt #(re-matches #"(a|b)*c" (str (apply str (repeat 600000 "a")) "c"))))
(println (re-find #"b+" "aaabbbccc") (count (first (re-find #"(ab)*" (apply str (repeat 100000 "ab"))))))
