;; match (SPEC L15): vector patterns (fixed length, & rest, nesting), seq patterns and
;; :as.
(require '[clojure.core.match :refer [match]])

(defn shape [v]
  (match v
    [] :empty
    [x] [:one x]
    [x y] [:two x y]
    [x y & more] [:many x y more]
    :else :not-a-vector))
(prn (map shape [[] [1] [1 2] [1 2 3] [1 2 3 4] '(1 2) "ab" nil {:a 1}]))

(prn (match [[1 2 3]] [[a & r]] [a r]))
(prn (match [[1]] [[a & r]] [a r]))
(prn (match [[1 2 3]] [[a & [b c]]] [a b c]))
(prn (match [[1 2 3]] [[a & [b]]] [a b] :else :no))
(prn (match [[1 2 3]] [[a & _]] a))
(prn (match [[1 [2 3]]] [[_ [_ z]]] z))
(prn (match [[1 [2]]] [[a [b]]] (+ a b)))
(prn (match [[[1 2] [3 4]]] [[[a b] [c d]]] [d c b a]))
(prn (match [(first {:a 1})] [[k v]] [k v]))
(prn (match [(subvec [1 2 3] 1)] [[a b]] [a b]))
(prn (match [(range 3)] [[a & r]] [a r] :else :lazy-seq-is-not-a-vector))

;; :as binds the whole value.
(prn (match [[1 2]] [([a b] :as v)] [a b v]))
(let [v [1 2]] (prn (match v ([a b] :as q) [q a b])))
(prn (match {:a [1 2]} {:a ([x y] :as v)} [x y v]))

;; Several values with vector patterns.
(prn (match [[1 2] 3] [[a b] c] [a b c]))
(prn (match [[1 2] 3] [[a b] 4] :four [[a b] 3] :three))

;; Seq patterns: any seq or sequential collection, element by element.
(defn sum-seq [s]
  (match s
    ([] :seq) 0
    ([x & r] :seq) (+ x (sum-seq r))))
(prn (sum-seq '(1 2 3)) (sum-seq [4 5 6]) (sum-seq (range 10)) (sum-seq nil))
(prn (match '(1 2 3) ([a & r] :seq) [a r]))
(prn (match '(1) ([a & r] :seq) [a r]))
(prn (match '(1 2 3) ([1 & r] :seq) r :else :n))
(prn (match '(1 2 3) ([1 2 3] :seq) :yes :else :n))
(prn (match '(1 2 3) ([1 2] :seq) :yes :else :n))
(prn (match '(1 2 3) ([_ _ _ _] :seq) :yes :else :n))
(prn (match (list 1 nil) ([1 nil] :seq) :yes :else :n))
(prn (match (list 1) ([1 nil] :seq) :yes :else :n))
(prn (match (range 5) ([a b & r] :seq) [a b r]))
(prn (match "ab" ([a b] :seq) [a b] :else :strings-are-not-sequential))
(prn (match #{1} ([a] :seq) a :else :sets-are-not-sequential))
(prn (match 1 ([a] :seq) a :else :numbers-are-not))
(prn (match [[1 2]] [([1 2] :seq)] :vector-as-seq :else :n))
