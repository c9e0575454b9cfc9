;; sort and sort-by with a comparator over a map: the map's seq makes its entries as it
;; goes, so sort must keep them alive itself while the comparator (Clove code that
;; allocates) runs. Under CLOVE_GC_STRESS a collection runs at every allocation.
(def m (zipmap (map #(keyword (str "k" %)) (range 40)) (range 40)))
(println (take 5 (sort-by (comp str key) m)))
(println (take 5 (sort-by (comp - val) m)))
(println (take 3 (sort (fn [a b] (compare (str (key b)) (str (key a)))) m)))
(println (map key (take 4 (sort-by #(vector (mod (val %) 3) (str (key %))) m))))
