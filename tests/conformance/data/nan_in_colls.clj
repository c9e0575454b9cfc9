;; Two collections holding ##NaN as a key or element are not equal (on the JVM each
;; ##NaN read is its own Double, and NaN equals nothing); a collection equals itself.
(println (= #{##NaN} #{##NaN}) (= #{1 ##NaN} #{##NaN 1}) (= #{##NaN} (sorted-set ##NaN)))
(println (= {##NaN 1} {##NaN 1}) (= {:a ##NaN} {:a ##NaN}) (= [##NaN] [##NaN]) (= ##NaN ##NaN))
(println (let [s #{##NaN}] (= s s)) (let [m {##NaN 1}] (= m m)))
(println (= #{1 2} #{2 1}) (= {1.0 :a} {1.0 :a}))
(println (case ##NaN ##NaN :nan :other) (case 1.0 ##NaN :nan 1.0 :one :other)
         (let [x ##NaN] (case x ##NaN :nan :a :b 1 :c :other)))
