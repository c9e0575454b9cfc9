(defn tick [i]
  (* i i))

(doseq [i (range 10)]
  (tick i))
(println "done")
