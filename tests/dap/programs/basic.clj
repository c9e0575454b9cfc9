(ns basic)

(defn scale [a]
  (let [b (inc a)]
    (* b 10)))

(defn compute [x]
  (let [y (* x 2)
        m {:x x :ys [y y]}]
    (println "computing" y)
    (+ (scale y)
       (count m))))

(println "result" (compute 20))
(println "again" (compute 1))
