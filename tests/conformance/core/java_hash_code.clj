;; .hashCode gives Java's hashCode (not Clojure's hash), as libraries' hashCode methods
;; call it on their fields: numbers, strings, keywords, symbols, and collections by the
;; java.util.List, Map and Set rules over their elements.
(prn (.hashCode 42) (.hashCode -7) (.hashCode 1.5) (.hashCode "héllo") (.hashCode \a) (.hashCode true))
(prn (.hashCode :kw) (.hashCode :ns/kw) (.hashCode 'sym) (.hashCode 'a.b/c))
(prn (.hashCode [1 2 3]) (.hashCode '(1 "x" :k)) (.hashCode (list)) (.hashCode []) (.hashCode (map inc [1 2])))
(prn (.hashCode {:a 1 :b [1 2]}) (.hashCode {}) (.hashCode (sorted-map 1 2.5)) (.hashCode (hash-map "k" nil)))
(prn (.hashCode #{:a 'b "c"}) (.hashCode #{}) (.hashCode [nil true \a]) (.hashCode [[1] {2 3} #{4}]))
(defrecord R [a b])
(prn (.hashCode (->R 1 2)))
(deftype P [x]
  Object
  (hashCode [_] (* 10 x)))
(prn (.hashCode (P. 4)) (.hashCode [(P. 1) (P. 2)]) (= (.hashCode {:a 1}) (.hashCode (array-map :a 1))))
