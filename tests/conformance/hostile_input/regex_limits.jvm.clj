;; The JVM variant of regex_limits.clj. JVM Clojure has no limits on a regex match: the
;; first two searches run for ever and the third overflows the thread stack. Here each
;; attempt throws the RuntimeException Clove throws.
(defn attempt [f]
  (try (f) :no-error
       (catch RuntimeException e
         (binding [*out* *err*] (println (ex-message e)))
         :caught)))
(println (attempt #(throw (RuntimeException. "Regex match limit exceeded"))))
(println (attempt #(throw (RuntimeException. "Regex match limit exceeded"))))
(println (attempt #(throw (RuntimeException. "Regex depth limit exceeded"))))
(println (re-find #"b+" "aaabbbccc") (count (first (re-find #"(ab)*" (apply str (repeat 100000 "ab"))))))
