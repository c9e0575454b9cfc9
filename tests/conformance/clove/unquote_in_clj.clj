;; Outside syntax-quote, ~x in a .clj file is a call of the unbound var
;; clojure.core/unquote, as in Clojure (SPEC L3: only .clove files evaluate it).
(println "before")
(println ~(+ 1 2))
