;; A function with more live values than registers (spill slots) calling leaf natives
;; (assoc, conj, contains?) whose deftype arguments call back into Clove and allocate:
;; the call's window is copied above the frame, so such a call keeps its own frame.
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
