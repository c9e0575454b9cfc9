;; A deftype implementing ISeq (a countdown seq): core seq fns walk it with first/next,
;; conj conses onto it, it prints as a list; = compares it element-wise (it is
;; Sequential) while its hash is its own (no IHashEq), as on the JVM.
(deftype Countdown [n]
  clojure.lang.ISeq
  (first [_] n)
  (next [_] (when (> n 1) (Countdown. (dec n))))
  (more [this] (or (.next this) ()))
  (cons [this x] (cons x this))
  (seq [this] this)
  (count [_] n)
  (empty [_] ())
  (equiv [this o] (= (into [] this) (into [] o)))
  clojure.lang.Sequential)

(def cd (Countdown. 4))
(prn cd (seq cd) (count cd) (map inc cd) (into [] cd) (conj cd 9) (first cd) (rest cd))
(prn (nth cd 2) (last cd) (take 2 cd) (drop 3 cd) (reduce + cd) (filter even? cd) (empty cd))
(prn (seq? cd) (sequential? cd) (coll? cd) (list? cd) (counted? cd) (seqable? cd))
(prn (= cd [4 3 2 1]) (= [4 3 2 1] cd) (= cd '(4 3 2 1)) (= cd [4 3]) (= (hash cd) (hash [4 3 2 1])))
(prn (instance? clojure.lang.ISeq cd) (instance? clojure.lang.IPersistentCollection cd))
(prn (every? (supers Countdown) [clojure.lang.ISeq clojure.lang.Sequential clojure.lang.IType clojure.lang.Seqable]) (count (supers Countdown)))
(let [[a b & more] cd] (prn a b more))

;; A reducible type implementing only IReduceInit: reduce, into, transduce and vec see
;; the elements its reduce gives, and reduced stops it.
(deftype Nums [n]
  clojure.lang.IReduceInit
  (reduce [_ f init]
    (loop [i 0 acc init]
      (if (< i n)
        (let [acc (f acc i)] (if (reduced? acc) @acc (recur (inc i) acc)))
        acc))))
(prn (reduce + 0 (Nums. 5)) (into [] (Nums. 4)) (transduce (map inc) + (Nums. 3)) (vec (Nums. 3)))
(prn (reduce (fn [a x] (if (= x 2) (reduced :stop) x)) 0 (Nums. 5)) (into #{} (filter odd?) (Nums. 6)))
