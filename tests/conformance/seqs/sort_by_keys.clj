;; sort-by: stable over many equal keys, with compare, a comparator fn, a boolean fn,
;; on vectors, lists, maps, sets, nil and lazy seqs, keeping coll's metadata.
(def xs (map (fn [i] [(mod (* i 7) 5) i]) (range 60)))
(prn (= (sort-by first xs) (sort (fn [a b] (compare (first a) (first b))) xs)))
(prn (every? (fn [[[a i] [b j]]] (or (< a b) (and (= a b) (< i j)))) (partition 2 1 (sort-by first xs))))
(prn (take 8 (sort-by first > xs)))
(prn (take 8 (sort-by first #(compare %2 %1) xs)))
(prn (sort-by count ["ccc" "a" "bb" "" "dd"]) (sort-by - [3 1 2]) (sort-by - '(3 1 2)))
(prn (sort-by val {:a 3 :b 1 :c 2}) (sort-by - #{5 1 3}) (sort-by identity nil) (sort-by identity []))
(prn (meta (sort-by - (with-meta [1 2] {:m 1}))) (class (sort-by - [2 1])) (seq? (sort-by - [2 1])))
(prn (sort-by :k [{:k "b"} {:k "a"} {:k nil}]) (sort-by first [[1.5 :x] [1 :y] [3/2 :z] [2N :w]]))
(prn (sort-by #(* % %) (range -5 6)))
(prn (try (sort-by identity [1 :a]) (catch ClassCastException e :cce)))
(prn (sort-by identity compare [3 1 2]) (sort compare [3 1 2]) (sort-by str [10 9 100]))
