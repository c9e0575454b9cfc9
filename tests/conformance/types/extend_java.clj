;; Protocols extended to Java classes and interfaces: the ones Clove emulates apply to
;; its own values (java.util.Map to maps, CharSequence to strings, ...), the
;; clojure.lang interfaces also to user types implementing them, and a class Clove does
;; not know is accepted (no value is of it).
(defprotocol Describe (describe [x]))

(extend-protocol Describe
  java.util.Map (describe [m] [:map (count m)])
  java.lang.CharSequence (describe [s] [:chars (count s)])
  java.util.Collection (describe [c] [:collection (count c)])
  java.lang.Number (describe [n] [:number n])
  java.net.URI (describe [u] :uri)
  java.io.PushbackReader (describe [r] :pushback-reader)
  nil (describe [_] :nil))

(println "-- Java classes")
(prn (describe {:a 1}) (describe (hash-map :a 1 :b 2)) (describe (sorted-map 1 2)))
(prn (describe "hello") (describe [1 2 3]) (describe '(1 2)) (describe #{1}) (describe 42) (describe nil))
(prn (describe (java.io.PushbackReader. (java.io.StringReader. "(+ 1 2)"))))
(prn (satisfies? Describe "s") (satisfies? Describe :kw) (try (describe :kw) (catch IllegalArgumentException _ :no-impl)))
(prn (instance? java.net.URI "http://x") (instance? java.util.Map {}) (instance? java.lang.CharSequence "s"))

(defprotocol Kind (kind [x]))
(extend-protocol Kind
  clojure.lang.IPersistentVector (kind [_] :vector)
  clojure.lang.IPersistentMap (kind [_] :map)
  clojure.lang.ISeq (kind [_] :seq)
  Object (kind [_] :object))

(deftype Pair [a b]
  clojure.lang.Indexed
  (nth [_ i] (case i 0 a 1 b (throw (IndexOutOfBoundsException.))))
  (nth [this i nf] (if (< -1 i 2) (nth this i) nf))
  clojure.lang.Counted
  (count [_] 2)
  clojure.lang.IPersistentVector
  (seq [_] (list a b))
  (cons [_ x] [a b x])
  (empty [_] [])
  (equiv [_ o] (= [a b] o))
  (peek [_] b)
  (pop [_] [a])
  (rseq [_] (list b a))
  (assocN [_ i x] (assoc [a b] i x))
  (length [_] 2)
  (assoc [this k v] (.assocN this k v))
  (containsKey [_ k] (contains? #{0 1} k))
  (entryAt [this k] (when (contains? #{0 1} k) (clojure.lang.MapEntry/create k (nth this k))))
  (valAt [this k] (nth this k nil))
  (valAt [this k nf] (nth this k nf)))

(deftype Bag [m]
  clojure.lang.IPersistentMap
  (valAt [_ k] (get m k))
  (valAt [_ k nf] (get m k nf))
  (count [_] (count m))
  (seq [_] (seq m))
  (cons [_ x] (Bag. (conj m x)))
  (empty [_] (Bag. {}))
  (equiv [_ o] (= m o))
  (containsKey [_ k] (contains? m k))
  (entryAt [_ k] (find m k))
  (assoc [_ k v] (Bag. (assoc m k v)))
  (assocEx [_ k v] (Bag. (assoc m k v)))
  (without [_ k] (Bag. (dissoc m k))))

(deftype Plain [])

(println "-- clojure.lang interfaces")
(prn (kind [1]) (kind {:a 1}) (kind '(1)) (kind (map inc [1])) (kind #{1}) (kind 1))
(prn (kind (Pair. 1 2)) (kind (Bag. {:a 1})) (kind (Plain.)))
(prn (Pair. 1 2) (conj (Pair. 1 2) 3) (Bag. {:a 1}) (assoc (Bag. {:a 1}) :b 2))
(prn (kind (reify clojure.lang.ISeq (first [_] 1) (next [_] nil) (more [_] ()) (seq [this] this))))
(prn (extends? Kind Pair) (satisfies? Kind (Pair. 1 2)) (satisfies? Describe (Plain.)))

(definterface Shape
  (area [])
  (scale [factor]))

(deftype Square [side]
  Shape
  (area [_] (* side side))
  (scale [_ factor] (Square. (* side factor))))

(println "-- definterface")
(prn (.area (Square. 3)) (.area (.scale (Square. 3) 2)) (.-side (Square. 4)))

(println "-- imported classes")
(import '(clojure.lang MapEntry) '(java.net URI URL))
(prn (MapEntry. :k 1) (key (clojure.lang.MapEntry. :a 2)) (instance? URI "x") (instance? java.time.Instant 1))
(defprotocol Locate (locate [x]))
(extend-protocol Locate URL (locate [_] :url) String (locate [s] [:path s]))
(prn (locate "/tmp") (satisfies? Locate 1))
