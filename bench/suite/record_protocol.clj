;; record_protocol: protocol dispatch on records. 1000 shapes (three record types
;; implementing one protocol) are walked N times; for each shape the loop calls area,
;; calls scale (which makes a new record) and area on that, and reads a field by
;; keyword (:h, absent from squares).
;; Usage: clove run record_protocol.clj [N]   (default 3000); prints the total.
(defprotocol Shape
  (area [s] "integer area")
  (scale [s k] "the shape with every length times k"))

(defrecord Rect [w h]
  Shape
  (area [_] (* w h))
  (scale [_ k] (->Rect (* w k) (* h k))))

(defrecord Square [side]
  Shape
  (area [_] (* side side))
  (scale [_ k] (->Square (* side k))))

(defrecord Tri [b h]
  Shape
  (area [_] (quot (* b h) 2))
  (scale [_ k] (->Tri (* b k) (* h k))))

(defn make-shape [i]
  (case (rem i 3)
    0 (->Rect (inc (rem i 7)) (inc (rem i 5)))
    1 (->Square (inc (rem i 11)))
    2 (->Tri (inc (rem i 13)) (inc (rem i 4)))))

(def shapes (mapv make-shape (range 1000)))

(defn round-total [acc]
  (reduce (fn [acc s] (+ acc (area s) (area (scale s 2)) (:h s 0))) acc shapes))

(let [n (if-let [a (first *command-line-args*)] (parse-long a) 3000)]
  (println (reduce (fn [acc _] (round-total acc)) 0 (range n))))
