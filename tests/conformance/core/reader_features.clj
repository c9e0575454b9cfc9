;; Clove's reader features (SPEC L1) are introspectable: clove.reader/features, the set
;; #? matches (with :default). The JVM has no such var: reader_features.jvm.clj prints
;; what Clove's set is documented to be.
(println (sort clove.reader/features))
(println (set? clove.reader/features))
(println (read-string {:read-cond :allow} "#?(:clove :clove-branch :clj :clj-branch)")
         (read-string {:read-cond :allow} "#?(:cljs 1 :clj :clj-branch)")
         #?(:clove :clove-branch :clj :clj-branch)
         (every? #(contains? clove.reader/features %) [:clove :clj]))
