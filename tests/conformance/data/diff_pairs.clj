;; clojure.data/diff of every pair from a list of values of every partition.
(require '[clojure.data :as d])
(def vals* [nil 1 2 :a "s" [1 2] [1 nil] [nil] {:a 1} {:a nil} {:b 2 :a 1} #{1 2} #{nil} '(1 2) [[1] 2] {:a {:b 1}} {:a [1 2]} {nil nil}])
(doseq [a vals* b vals*] (prn a b (d/diff a b)))
