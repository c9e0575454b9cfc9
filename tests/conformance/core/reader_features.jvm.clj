;; The JVM variant of reader_features.clj: Clove's feature set is #{:clove :clj} and
;; its :clove branches win; the JVM has neither, so this prints Clove's expected output.
(println (sort #{:clove :clj}))
(println true)
(println :clove-branch :clj-branch :clove-branch true)
