;; Keyword lookups on records: fields, ext keys, missing keys, and other receivers at
;; the same site (GETK finds a defrecord's fields before the general lookup).
(defrecord P [x y])
(defrecord Q [y x z])
(deftype T [x y])

(defn get-x [m] (:x m))
(defn get-y-or [m] (:y m :none))
(defn get-w [m] (get m :w))

(def p (->P 1 2))
(def q (->Q :qy :qx nil))
(println (get-x p) (get-x q) (get-y-or p) (get-y-or q))
(println (:z q) (:z q :dflt) (contains? q :z))
;; a key beyond the fields lives in the record's ext map
(def p2 (assoc p :w 10))
(println (get-w p) (get-w p2) (:w p2) (record? p2) (type p2))
;; replacing a field keeps a record; removing one gives a plain map
(println (get-x (assoc p :x 5)) (get-x (dissoc p :x)) (record? (dissoc p :x)) (get-y-or (dissoc p :y)))
;; the same sites given maps, nil, a deftype and other values
(println (get-x {:x :map}) (get-x nil) (get-x (->T 1 2)) (get-x "str") (get-x 42) (get-y-or {}))
(println (get-x (hash-map :x :hashed)) (get-x (sorted-map :x :sorted)) (get-x #{:x}))
;; alternating record types at one site
(println (map get-x [p q p2 (->P :a :b) {:x 0}]))
;; method bodies read their fields by keyword
(defprotocol Sum (total [this]))
(extend-protocol Sum P (total [r] (+ (:x r) (:y r))))
(defrecord R [a b] Sum (total [_] (+ a b)))
(println (total p) (total (->R 3 4)) (total (assoc (->R 3 4) :a 10)))
;; non-keyword keys
(println (get p "x") (get p 'x) (get (assoc p "x" 1) "x"))
