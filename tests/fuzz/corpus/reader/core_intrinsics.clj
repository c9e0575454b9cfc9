;; first next count reduced? nth get compile to single instructions; they must behave
;; exactly like the functions, on every kind of collection and on bad input.
(defmacro caught [form]
  `(try (pr-str ~form)
        (catch IndexOutOfBoundsException e# "IndexOutOfBoundsException")
        (catch ClassCastException e# "ClassCastException")
        (catch UnsupportedOperationException e# "UnsupportedOperationException")
        (catch IllegalArgumentException e# "IllegalArgumentException")))
(def colls [nil [] [1 2 3] '(1 2) (list) {:a 1} {} #{7} "héllo" (range 5) (map inc (range 3))
            (lazy-seq nil) (sorted-map 2 :b 1 :a) (seq [4 5]) (cons 0 nil) (transient [1 2])])
(doseq [c colls]
  (println (caught (first c)) (caught (next c)) (caught (count c)) (caught (nth c 1))
           (caught (get c 1)) (caught (get c :a)) (reduced? c)))
(println (caught (first 5)) (caught (next :k)) (caught (count 5)) (caught (nth 5 0)) (caught (get 5 0)))
(println (caught (nth [1 2] 2)) (caught (nth [1 2] -1)) (caught (nth "ab" 5)) (caught (nth '(1) 3)))
(println (caught (nth [1 2] "a")) (caught (nth nil 3)) (reduced? (reduced 1)))
(let [a (atom 0)
      s (map (fn [x] (swap! a inc) x) (list 1 2 3))]
  (println @a (first s) @a (next s) @a (count s) @a))
(println (get {:a 1} :a) (get {:a nil} :a) (get [1 2] 1) (get "abc" 1) (get #{:x} :x) (get (sorted-map 1 2) 1))
(let [first (fn [x] [:mine x]) count (fn [_] 99)] (println (first [1 2]) (count [1 2 3])))
(println (map first [[1 2] [3 4]]) (map count ["a" "bb" ""]) (apply nth [[5 6 7] 2]))
