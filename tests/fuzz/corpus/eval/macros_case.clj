;; case: literal tests of every kind, grouped tests, defaults, no match, and a
;; large table (dispatched in constant time).
(defn kind [x]
  (case x
    1 :one
    2 :two
    (3 4 5) :three-to-five
    "str" :string
    :kw :keyword
    sym :symbol
    ns/qual :qualified-symbol
    [1 2] :vector
    {:a 1} :map
    #{1} :set
    \c :char
    nil :nil
    true :true
    1.5 :double
    :default))
(prn (map kind [1 2 3 4 5 "str" :kw 'sym 'ns/qual [1 2] '(1 2) {:a 1} #{1} \c nil true false 1.5 6 1.0 2N "x"]))
(prn (case 1 1 :a) (case 2 1 :a :dflt) (case 7 :only-default))
(prn (case 'quote 'a :quoted :other) (case 'a 'a :quoted :other))
(prn (case [1 2] (1 2) :not-a-list [1 2] :vec))
(prn (try (case 5 1 :a 2 :b) (catch IllegalArgumentException e (ex-message e))))
(prn (try (case "x" 1 :a 2 :b 3 :c 4 :d 5 :e) (catch IllegalArgumentException e (ex-message e))))
(defn big [n]
  (case n
    0 :zero 1 :one 2 :two 3 :three 4 :four 5 :five 6 :six 7 :seven 8 :eight 9 :nine
    10 :ten 11 :eleven 12 :twelve 13 :thirteen 14 :fourteen 15 :fifteen
    (16 17 18 19) :teens
    :many))
(prn (map big (range 22)))
(defn effects [x] (case x :a (do (print "side ") 1) (:b :c) (do (print "grouped ") 2) 3))
(prn (effects :a) (effects :b) (effects :c) (effects :d))
(let [x 3] (prn (case (inc x) 4 :four 5 :five)))
(prn (let [r (case :c :a 1 :b 2 :c 3 :d 4 :e 5)] (* r 10)))
(defn in-loop [xs] (loop [xs xs acc []] (if (seq xs) (recur (rest xs) (conj acc (case (first xs) (:a :b) 1 :c 2 :d 3 :e 4 0))) acc)))
(prn (in-loop [:a :b :c :d :e :f]))
