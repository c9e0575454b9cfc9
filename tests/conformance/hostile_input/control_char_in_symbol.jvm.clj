;; The JVM variant of control_char_in_symbol.clj: Clojure reads the control character
;; as part of the symbol, so it stops where Clove reports the reader error.
(println "before")
(System/exit 1)
