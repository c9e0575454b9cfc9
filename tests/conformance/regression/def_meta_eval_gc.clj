;; A def's metadata map is evaluated when the def compiles; evaluating a value may
;; collect garbage, which once freed the map's seq mid-walk (found under GC stress).
(def ^{:f (fn [] 1) :g (fn [] 2) :arglists '([]) :h (vector 1 2)} x (fn [] 3))
(println ((:f (meta #'x))) ((:g (meta #'x))) (:arglists (meta #'x)) (:h (meta #'x)) (x))
(defn ^{:test (fn [] (assert true))} tested [] 1)
(println (test #'tested) (tested))
(defn ^{:a (str "a" "b") :b (mapv inc (range 40)) :c (fn [] (reduce + (range 100)))} y [] 2)
(println (:a (meta #'y)) (count (:b (meta #'y))) ((:c (meta #'y))))
