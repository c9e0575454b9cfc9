;; The JVM variant of syntax_quote_wide.clj. JVM Clojure expands six nested syntax-quotes
;; around 100 symbols given a 1 GiB thread stack (-Xss1g, as the recorder runs it; the
;; default stack overflows), seven in 40 s and 3 GB: Clove bounds one expansion and stops
;; where it reports the reader error.
(println "before")
(System/exit 1)
