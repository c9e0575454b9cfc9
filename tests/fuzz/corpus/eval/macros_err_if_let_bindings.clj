;; if-let takes exactly one binding pair; the error names the macro and its position.
(println "before")
(if-let [a 1 b 2] a)
