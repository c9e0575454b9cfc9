;; clojure.pprint/print-table with and without the keys, ragged rows, odd values.
(require '[clojure.pprint :refer [print-table]])

(def rows [{:name "Alice" :age 30 :city "Paris"}
           {:name "Bob" :age 4 :city "Rome"}
           {:name "Christopher" :age 101 :city nil}])

(print-table rows)
(print-table [:city :name] rows)
(print-table [:name :missing] rows)
(print-table [{:a 1}])
(print-table [])
(print-table [:a] [])
(print-table [{"string key" [1 2 3] :k {:nested true}}])
(print-table [:x :y] [{:x 1 :y 2} {:x "wide value here" :y 'sym} {:x nil}])
(print-table (map (fn [i] {:i i :square (* i i) :cube (* i i i)}) (range 1 6)))
(println (with-out-str (print-table [{:captured 1}])))
