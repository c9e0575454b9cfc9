;; vec, sort and set of lazy seqs of every shape: they walk the seq with a cursor
;; (not holding its head) and collect the items as they realize them.
(defn noisy [xs] (map (fn [x] (print (str "<" x ">")) x) xs))
(defn unchunked [n] (take n (iterate inc 0)))

(prn (vec (unchunked 5)))
(prn (sort > (unchunked 6)))
(prn (sort (unchunked 0)) (vec (lazy-seq nil)) (set (lazy-seq nil)) (sort (lazy-seq nil)))
;; a lazy seq whose tail is a collection, nested lazy seqs, a cons before a vector
(prn (vec (lazy-seq (cons 1 (lazy-seq [2 3 4])))))
(prn (vec (lazy-seq (lazy-seq (lazy-seq (list 1 2))))))
(prn (vec (cons 0 (lazy-seq (cons 1 (map inc [1 2]))))))
(prn (sort (concat (unchunked 3) [10 -1] (lazy-seq (list 7 5)))))
(prn (set (concat (unchunked 4) (range 2 6))))
;; chunked seqs, from the middle of a chunk, and realized ones
(prn (vec (drop 30 (map inc (range 35)))))
(prn (sort (rest (map - (range 40)))))
(let [s (map inc (range 5))] (dorun s) (prn (vec s) (sort > s) (set s)))
;; side effects run in order, once each
(prn (vec (noisy (unchunked 4))))
(let [s (noisy (unchunked 3))] (prn (sort s)) (prn (vec s)))
;; an exception in a thunk: nothing is returned, and the seq can be walked again
(def bad (map (fn [x] (if (= x 3) (throw (ex-info "boom" {:at x})) x)) (unchunked 6)))
(prn (try (vec bad) (catch Exception e [:caught (ex-message e) (ex-data e)])))
(prn (try (sort bad) (catch Exception e [:caught (ex-message e)])))
(prn (try (set bad) (catch Exception e [:caught (ex-message e)])))
;; sort keeps the metadata of what it sorts; vec and set have their own (none)
(prn (meta (sort (with-meta (lazy-seq (list 3 1 2)) {:m 1}))) (sort (with-meta (lazy-seq (list 3 1 2)) {:m 1})))
(prn (meta (vec (with-meta (lazy-seq (list 3 1 2)) {:m 1}))) (meta (set (with-meta (lazy-seq (list 1)) {:m 1}))))
;; sort-by and distinct values through set
(prn (sort-by - (unchunked 5)) (count (set (map #(mod % 3) (unchunked 100)))))
(prn (vec (take 3 (repeatedly (let [n (atom 0)] #(swap! n inc))))))
