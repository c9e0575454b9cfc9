;; defprotocol, extend-type, extend-protocol, extend, satisfies?, extends?
(defprotocol Describe
  "Things that can describe themselves."
  (describe [x] "One line about x.")
  (describe-with [x prefix] [x prefix suffix]))

(extend-protocol Describe
  nil
  (describe [_] "nothing")
  (describe-with ([_ p] (str p "nothing")) ([_ p s] (str p "nothing" s)))
  String
  (describe [s] (str "string of " (count s)))
  (describe-with ([s p] (str p s)) ([s p q] (str p s q)))
  Long
  (describe [n] (str "long " n))
  Number
  (describe [n] (str "number " n))
  clojure.lang.Keyword
  (describe [k] (str "keyword " (name k)))
  clojure.lang.IPersistentVector
  (describe [v] (str "vector of " (count v)))
  clojure.lang.IPersistentMap
  (describe [m] (str "map of " (count m)))
  clojure.lang.ISeq
  (describe [s] (str "seq starting " (first s))))

(println (describe nil) (describe "abc") (describe 42) (describe 1.5) (describe 2/3))
(println (describe :kw) (describe [1 2 3]) (describe {:a 1}) (describe '(7 8)))
(println (describe (map inc [1 2])) (describe (sorted-map :a 1)))
(println (describe-with "x" "<") (describe-with "x" "<" ">") (describe-with nil "-" "-"))

(println (try (describe #{1}) (catch IllegalArgumentException e (ex-message e))))
(println (try (describe-with 5 "p") (catch IllegalArgumentException e (ex-message e))))

(extend-type Object
  Describe
  (describe [o] "some object"))
(println (describe #{1}) (describe \c) (describe nil))

(println (satisfies? Describe "s") (satisfies? Describe nil) (satisfies? Describe true))
(defprotocol Other (other [x]))
(println (satisfies? Other "s") (extends? Describe String) (extends? Other String))

;; extend with a map of fns
(defprotocol Greet (greet [x]) (farewell [x]))
(extend String Greet {:greet (fn [s] (str "hello " s))
                      :farewell (fn [s] (str "bye " s))})
(println (greet "ann") (farewell "ann"))
(extend clojure.lang.IPersistentVector Greet {:greet (fn [v] (str "hi " (count v)))})
(println (greet [1]) (try (farewell [1]) (catch IllegalArgumentException e (ex-message e))))

;; the doc and arglists of a method
(println (:doc (meta #'describe)))

;; re-extending replaces the implementation
(extend-type String Greet (greet [s] (str "hey " s)) (farewell [s] "later"))
(println (greet "bo") (farewell "bo"))

;; protocol methods are first-class fns
(println (map describe [1 "ab" :z nil]))
(println (fn? describe))

;; recursion through a protocol does not grow the native stack
(defprotocol Walk (walk-sum [node]))
(defrecord Node [v next-node]
  Walk
  (walk-sum [_] (+ v (if next-node (walk-sum next-node) 0))))
(def chain (reduce (fn [acc i] (->Node i acc)) nil (range 1 2001)))
(println (walk-sum chain))
