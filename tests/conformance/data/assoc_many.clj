;; assoc with several pairs on small (array) maps: every key present, some missing,
;; repeated keys, metadata, a map at the array-map limit, non-keyword keys.
(def m {:x 1.0 :y 2.0 :z 3.0 :vx 0.5 :vy 0.25 :vz 0.125 :mass 9.0})
(println (assoc m :vx 1 :vy 2 :vz 3))
(println (assoc m :x 0 :new 1))
(println (assoc {:a 1 :b 2} :b 5 :b 6 :a 7))
(println (meta (assoc (with-meta {:a 1 :b 2} {:tag :t}) :a 0 :b 0)))
(println (assoc {:a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8} :a 10 :h 80))
(println (assoc {:a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8} :a 10 :i 9))
(println (assoc {"s" 1 [1 2] 2 nil 3} "s" :str [1 2] :vec nil :nil))
(println (assoc {1 :one 2 :two} 1.0 :double 2 :long))
(println (= (assoc m :vx 1 :vy 2) (-> m (assoc :vx 1) (assoc :vy 2))))
(println (reduce (fn [acc i] (assoc acc :x i :y (* 2 i))) {:x 0 :y 0} (range 1000)))
