;; partial, juxt, comp, complement and fnil at every arity their fns unroll (0 to 3
;; arguments) and past it (the variadic arity), with 1 to 4 fixed arguments or fns.
(def arg-lists (map #(vec (range 1 (inc %))) (range 0 6)))
(defn try-call [f args] (try (apply f args) (catch Exception e (symbol "error"))))
(doseq [fixed (map #(vec (range 10 %)) (range 10 15))]
  (println "partial" fixed (map #(try-call (apply partial list fixed) %) arg-lists)))
(doseq [fs [[list] [list vector] [list vector hash-set] [list vector hash-set +]]]
  (println "juxt" (count fs) (map #(try-call (apply juxt fs) %) arg-lists)))
(println "comp" (map #(try-call (comp vec list) %) arg-lists)
         (map #(try-call (comp count vec list) %) arg-lists))
(println "complement" (map #(try-call (complement list) %) arg-lists)
         (map #(try-call (complement (fn [& xs] (every? odd? xs))) %) arg-lists))
(doseq [defaults [[:a] [:a :b] [:a :b :c]]
        args [[] [nil] [nil nil] [nil nil nil] [nil nil nil nil] [1 nil nil nil nil] [nil 2 nil]]]
  (println "fnil" defaults args (try-call (apply fnil list defaults) args)))
