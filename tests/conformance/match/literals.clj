;; match (SPEC L15): literal patterns, wildcards, binding symbols, :else, several
;; values at once, and the error when no clause matches.
(require '[clojure.core.match :refer [match]])

(defn kind [x]
  (match x
    nil :nil
    true :true
    false :false
    0 :zero
    1.5 :one-and-a-half
    "hi" :greeting
    :k :keyword
    \c :char
    'sym :symbol
    :else :other))
(prn (map kind [nil true false 0 1.5 "hi" :k \c 'sym 42 "other" 0.0]))

(prn (match 7 x [:bound x]))
(prn (match 7 _ :anything))
(prn (match 1N 1 :one :else :no) (match 1 1N :one :else :no) (match 1.0 1 :one :else :no))
(prn (match 1/2 1/2 :half :else :no))

;; Several values: one row of patterns per clause, tried in order.
(defn fizz [n]
  (match [(mod n 3) (mod n 5)]
    [0 0] "FizzBuzz"
    [0 _] "Fizz"
    [_ 0] "Buzz"
    :else n))
(prn (map fizz (range 1 16)))

(prn (match [1 2 3] [a b c] (+ a b c)))
(prn (match [1 2] [1 x] [:second x] [y 2] [:first y]))
(prn (match [3 2] [1 x] [:second x] [y 2] [:first y]))
(prn (match [true false] [true false] :tf :else :no))
(prn (match [nil "s" :k] [nil s k] [s k]))

;; Clauses are tried in order: the first match wins.
(prn (match 3 3 :first 3 :second))

;; No matching clause: IllegalArgumentException naming the value(s).
(defn try-match [f]
  (try (f) (catch IllegalArgumentException e (str "IAE: " (ex-message e)))))
(prn (try-match #(match 5 1 :one)))
(prn (try-match #(match [5 6] [1 _] :one)))
(prn (try-match #(match "x" "y" 1)))
(prn (try-match #(match nil 1 1)))
(prn (try-match #(match {:a 2} {:a 1} :x)))
(prn (try-match #(match [nil "s" :k] [1 _ _] 1)))
(prn (try-match #(match 1)))

;; The matched expressions are evaluated once.
(def calls (atom 0))
(defn next-val [] (swap! calls inc))
(prn (match [(next-val) (next-val)] [1 1] :same [1 2] :one-two :else :other) @calls)
