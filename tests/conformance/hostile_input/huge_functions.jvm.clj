;; The JVM variant of huge_functions.clj: JVM Clojure cannot compile these functions
;; ("Method code too large!": a method's bytecode is limited to 64 KB), so it prints the
;; same values computed without them.
(println "200,000 calls:" (reduce + (map #(mod % 1000) (range 200000))))
(println "100,000 branches:" 100000)
(println "20,000 macro bindings:" (+ 0 9999 19999))
(println "100,000 shadowing bindings:" 100000)
(println "30,000 live values:" (* 2 (reduce + (map #(mod % 100) (range 30000)))))
