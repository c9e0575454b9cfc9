;; Leaf natives (conj, assoc, contains?, subvec ...) run without a frame of their own,
;; reading their arguments in the caller's registers. When one calls back into Clove
;; (a deftype's own cons, assoc or equiv, which allocate), those arguments must stay
;; alive and in place across the nested call (run under the GC stress modes too).
(deftype Box [items]
  clojure.lang.IPersistentCollection
  (cons [_ x] (Box. (conj items (vec (range 40)) x)))
  (count [_] (count items))
  (empty [_] (Box. []))
  (equiv [this o] (identical? this o))
  clojure.lang.Seqable
  (seq [_] (seq items)))

(def b (reduce conj (Box. []) (range 30)))
(prn (count b))
(prn (map #(if (vector? %) (count %) %) (take 6 (seq b))))

(deftype Rec [m]
  clojure.lang.Associative
  (assoc [_ k v] (Rec. (assoc m k (vec (repeat 50 v)))))
  (containsKey [_ k] (contains? m k))
  (entryAt [_ k] (find m k))
  clojure.lang.ILookup
  (valAt [_ k] (get m k))
  (valAt [_ k d] (get m k d))
  clojure.lang.IPersistentCollection
  (count [_] (count m))
  (cons [_ x] (Rec. (conj m [(count m) (vec (range 50))])))
  (empty [_] (Rec. {}))
  (equiv [this o] (identical? this o))
  clojure.lang.Seqable
  (seq [_] (seq m)))

(def r (reduce (fn [acc i] (assoc acc i (* i i))) (Rec. {}) (range 25)))
(prn (count r) (count (get r 24)) (first (get r 24)) (contains? r 7) (contains? r 99))

(deftype Key [n]
  Object
  (hashCode [_] (hash (mod n 3)))
  (equals [_ o] (and (instance? Key o) (= (mod n 3) (mod (.-n ^Key o) 3)))))

(def s (into #{} (map #(Key. %)) (range 10)))
(prn (count s) (contains? s (Key. 4)) (contains? s (Key. 100)))
(prn (map #(apply + %) (partition 3 (mapcat (fn [i] (subvec (vec (range 10)) i (+ i 3))) (range 5)))))

;; The same from a function with more live values than registers (spill slots): there
;; the call's window is copied above the frame, so such a call keeps its own frame.
(defmacro with-many-locals [base n & body]
  (let [syms (map #(symbol (str "x" %)) (range n))]
    `(let [~@(mapcat (fn [s i] [s `(+ ~base ~i)]) syms (range n))]
       (let [r# (do ~@body)]
         [r# (+ ~@syms)]))))

(defn many [f base]
  (with-many-locals base 300
    (let [r (f (Rec. {}) 1 :a 2 :b 3 :c 4 :d)
          r2 (f r 5 :e 6 :f)]
      [(count r2) (first (get r2 6)) (count (get r2 1))])))

(prn (many assoc 1))
(defn many-conj [c base]
  (with-many-locals base 300 (let [r (c (Rec. {}) :x :y :z)] (count r))))
(prn (many-conj conj 2))
