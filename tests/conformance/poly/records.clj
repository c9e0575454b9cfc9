;; defrecord: map behaviour, equality, printing, constructors, inline protocols.
(defrecord Point [x y])
(def p (->Point 1 2))
(prn p)
(println p (:x p) (get p :y) (get p :z :none) (count p) (seq p))
(println (keys p) (vals p) (contains? p :x) (contains? p :z))

;; assoc of a field or another key keeps a record; dissoc of a field gives a map
(prn (assoc p :x 10) (assoc p :z 3) (record? (assoc p :z 3)))
(prn (dissoc p :x) (record? (dissoc p :x)) (dissoc (assoc p :z 3) :z))
(prn (count (assoc p :z 3)) (update p :x inc) (merge p {:y 5 :w 6}))
(prn (conj p [:x 7]) (into {} p) (into p {:y 9}))

;; constructors
(prn (Point. 3 4) (map->Point {:x 5 :extra 6}) (map->Point {}))
(prn (= (Point. 1 2) p) (= p {:x 1 :y 2}) (= {:x 1 :y 2} p))
(defrecord Other [x y])
(prn (= (->Other 1 2) p) (= (hash (->Point 1 2)) (hash p)))
(prn (= (assoc p :z 1) (assoc (->Point 1 2) :z 1)) (= (assoc p :z 1) p))

;; classes and predicates
(prn (record? p) (record? {:x 1}) (map? p) (coll? p) (instance? Point p) (instance? Other p))
(prn (type p) (class p) (= Point (class p)) (instance? clojure.lang.IRecord p))
(prn (instance? clojure.lang.IPersistentMap p) (instance? Object p))

;; metadata
(prn (meta (with-meta p {:tag 1})) (= p (with-meta p {:tag 1})))

;; records as map keys and set members
(prn (get {p :found} (->Point 1 2)) (count (hash-set p (->Point 1 2) (->Point 2 1))))

;; inline protocol implementations see the fields
(defprotocol Shape
  (area [s])
  (scale [s k]))
(defrecord Rect [w h]
  Shape
  (area [_] (* w h))
  (scale [this k] (assoc this :w (* w k) :h (* h k))))
(defrecord Circle [r]
  Shape
  (area [_] (* 3 r r))
  (scale [_ k] (->Circle (* r k))))
(prn (area (->Rect 2 3)) (area (scale (->Rect 2 3) 2)) (scale (->Circle 1) 3))
(prn (map area [(->Rect 1 1) (->Circle 2)]))
;; the field value follows assoc
(prn (area (assoc (->Rect 2 3) :w 10)))

;; extending a record type afterwards
(defprotocol Label (label [x]))
(extend-type Point Label (label [pt] (str "P(" (:x pt) "," (:y pt) ")")))
(prn (label p) (satisfies? Label p) (satisfies? Label (->Other 1 2)))

;; nested records print nested
(prn (->Point (->Point 1 2) [(->Circle 1)]))
