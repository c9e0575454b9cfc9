;; match (SPEC L15): guards, :or alternatives, application patterns, locals as
;; literals, and recur from a clause body.
(require '[clojure.core.match :refer [match]])

(defn sign [n]
  (match n
    0 :zero
    (_ :guard neg?) :negative
    (x :guard [odd? pos?]) [:odd x]
    x [:even x]))
(prn (map sign [0 -3 5 4]))
(prn (match [1 2] [(a :guard odd?) b] [a b]))
(prn (match {:a 1} {:a (x :guard odd?)} x))
(prn (match 1 (1 :guard odd?) :x :else :n))
(prn (match 4 (_ :guard even?) :even))
(prn (match 3 (x :guard #(> % 2)) [:big x] :else :small))

;; :or alternatives.
(prn (match 2 (:or 1 2) :a :else :n))
(prn (match [3] [(:or 1 2)] :y :else :n))
(prn (match [1 2] [(:or 1 3) (:or 2 4)] :x :else :n))
(prn (match {:a 2} {:a (:or 1 2)} :y))
(prn (match [[1 2]] [[(:or 1 2) & r]] r :else :n))
(prn (map #(match % (:or :red :green :blue) :color (:or 1 2 3) :small-number :else :other)
          [:red :blue 2 "x"]))

;; Application patterns: (p :<< f) matches (f value) against p.
(prn (match 2 (3 :<< inc) :three :else :no))
(prn (match "hello" (5 :<< count) :five-chars :else :no))

;; A local in scope is compared, not rebound.
(let [y 2] (prn (match 2 y :local :else :no)))
(let [y 3] (prn (match 2 y :local :else :no)))
(let [x 5] (prn (match [1 2] [a b] x)))

;; recur from a clause body is in tail position.
(defn count-down [n acc]
  (match n
    0 acc
    m (recur (dec m) (conj acc m))))
(prn (count-down 5 []))
(prn (loop [x 100000 acc 0]
       (match [x]
         [0] acc
         [n] (recur (dec n) (+ acc n)))))

;; A small interpreter.
(defn evaluate [env e]
  (match e
    (n :guard number?) n
    (s :guard symbol?) (get env s)
    ([:add a b] :seq) (+ (evaluate env a) (evaluate env b))
    ([:mul a b] :seq) (* (evaluate env a) (evaluate env b))
    ([:let [s v] body] :seq) (evaluate (assoc env s (evaluate env v)) body)
    :else (throw (ex-info "bad expression" {:e e}))))
(prn (evaluate {} '(:let [x 5] (:add x (:mul x 2)))))
(prn (try (evaluate {} '(:div 1 2)) (catch Exception e [(ex-message e) (ex-data e)])))
