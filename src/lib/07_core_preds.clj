;; 07_core_preds.clj: the rest of clojure.core's small data functions (SPEC L6, L8):
;; type predicates (any? associative? reversible? seqable? indexed? ident? ...), NaN?
;; and infinite?, metadata and volatile helpers (vary-meta vswap!), Java-width numeric
;; casts (byte short float and their unchecked-* forms) and a few seq helpers
;; (bounded-count comparator replicate random-sample iteration xml-seq test).
;; The natives they build on are in runtime/natives/colls.cpp, data.cpp, numbers.cpp.

;; ---- predicates ----

(defn any?
  "Returns true given any argument."
  [x] true)

(defn associative?
  "Returns true if coll implements Associative (maps, records and vectors)."
  [coll] (or (map? coll) (vector? coll)))

(defn reversible?
  "Returns true if coll implements Reversible (vectors, sorted maps and sets)."
  [coll] (or (vector? coll) (sorted? coll)))

(defn indexed?
  "Return true if coll implements Indexed, indicating efficient lookup by index
  (vectors)."
  [coll] (vector? coll))

(defn seqable?
  "Return true if the seq function is supported for x: nil, collections, seqs, strings
  and Java arrays."
  [x] (or (nil? x) (coll? x) (seq? x) (string? x) (-array? x)))

(defn ident?
  "Return true if x is a symbol or keyword."
  [x] (or (keyword? x) (symbol? x)))

(defn simple-ident?
  "Return true if x is a symbol or keyword without a namespace."
  [x] (and (ident? x) (nil? (namespace x))))

(defn qualified-ident?
  "Return true if x is a symbol or keyword with a namespace."
  [x] (boolean (and (ident? x) (namespace x) true)))

(defn simple-symbol?
  "Return true if x is a symbol without a namespace."
  [x] (and (symbol? x) (nil? (namespace x))))

(defn qualified-symbol?
  "Return true if x is a symbol with a namespace."
  [x] (boolean (and (symbol? x) (namespace x) true)))

(defn simple-keyword?
  "Return true if x is a keyword without a namespace."
  [x] (and (keyword? x) (nil? (namespace x))))

(defn qualified-keyword?
  "Return true if x is a keyword with a namespace."
  [x] (boolean (and (keyword? x) (namespace x) true)))

(defn special-symbol?
  "Returns true if s names a special form."
  [s]
  (contains? '#{& . case* catch def deftype* do finally fn* if let* letfn* loop*
                monitor-enter monitor-exit new quote recur reify* set! throw try var
                clojure.core/import*}
             s))

(defn NaN?
  "Returns true if num is NaN, else false. Throws ClassCastException for a non-number."
  [num] (let [d (double num)] (not (== d d))))

(defn infinite?
  "Returns true if num is negative or positive infinity, else false. Throws
  ClassCastException for a non-number."
  [num] (let [d (double num)] (or (== d ##Inf) (== d ##-Inf))))

;; ---- metadata and volatiles ----

(defn vary-meta
  "Returns an object of the same type and value as obj, with (apply f (meta obj) args)
  as its metadata."
  [obj f & args]
  (with-meta obj (apply f (meta obj) args)))

(defmacro vswap!
  "Non-atomically swaps the value of the volatile as if:
  (apply f current-value-of-vol args). Returns the value that was swapped in."
  [vol f & args]
  (let [v (gensym "vol")]
    `(let [~v ~vol] (vreset! ~v (~f (deref ~v) ~@args)))))

;; ---- Java-width numbers ----
;; Clove has longs and doubles only: byte and short check the range of the Java type
;; and return a long (as `int` does); float checks float's range and returns a double.

(defn- range-checked [x lo hi type-name]
  (let [n (if (or (double? x) (float? x)) x (long x))]
    (if (and (<= lo n) (<= n hi))
      (long n)
      (throw (IllegalArgumentException. (str "Value out of range for " type-name ": " x))))))

(defn byte
  "Coerce to byte (-128..127; a long in Clove). Throws IllegalArgumentException when
  out of range."
  [x] (range-checked x -128 127 "byte"))

(defn short
  "Coerce to short (-32768..32767; a long in Clove). Throws IllegalArgumentException
  when out of range."
  [x] (range-checked x -32768 32767 "short"))

(defn float
  "Coerce to float (a double in Clove, checked against float's range). Throws
  IllegalArgumentException when out of range (infinities included)."
  [x]
  (let [d (double x)]
    (if (> (abs d) 3.4028234663852886E38)
      (throw (IllegalArgumentException. (str "Value out of range for float: " x)))
      d)))

(defn- wrap-bits
  "The low `bits` bits of the long n read as a two's-complement number."
  [n bits]
  (let [m (bit-shift-left 1 bits)
        low (bit-and n (dec m))]
    (if (bit-test low (dec bits)) (- low m) low)))

(defn unchecked-long
  "Coerce to long by truncation, without range checks (doubles out of range saturate)."
  [x] (if (char? x) (long x) (long x)))

(defn unchecked-int
  "Coerce to int (32 bits) by wrapping, as Java's (int) cast; a long in Clove."
  [x] (wrap-bits (unchecked-long x) 32))

(defn unchecked-short
  "Coerce to short (16 bits) by wrapping, as Java's (short) cast; a long in Clove."
  [x] (wrap-bits (unchecked-long x) 16))

(defn unchecked-byte
  "Coerce to byte (8 bits) by wrapping, as Java's (byte) cast; a long in Clove."
  [x] (wrap-bits (unchecked-long x) 8))

(defn unchecked-char
  "Coerce to char by wrapping to 16 bits, as Java's (char) cast."
  [x] (char (bit-and (unchecked-long x) 0xFFFF)))

(defn unchecked-double
  "Coerce to double."
  [x] (double x))

(defn unchecked-float
  "Coerce to float (a double in Clove), without range checks."
  [x] (double x))

(defn unchecked-add-int "Returns the sum of x and y, both int; wraps to 32 bits." [x y] (unchecked-int (+ x y)))
(defn unchecked-subtract-int "Returns the difference of x and y, both int; wraps to 32 bits." [x y] (unchecked-int (- x y)))
(defn unchecked-multiply-int "Returns the product of x and y, both int; wraps to 32 bits." [x y] (unchecked-int (unchecked-multiply x y)))
(defn unchecked-negate-int "Returns the negation of x, an int; wraps to 32 bits." [x] (unchecked-int (- x)))
(defn unchecked-inc-int "Returns x + 1, x an int; wraps to 32 bits." [x] (unchecked-int (inc x)))
(defn unchecked-dec-int "Returns x - 1, x an int; wraps to 32 bits." [x] (unchecked-int (dec x)))
(defn unchecked-divide-int "Returns the division of x by y, both int, truncated toward zero." [x y] (unchecked-int (quot x y)))
(defn unchecked-remainder-int "Returns the remainder of division of x by y, both int." [x y] (unchecked-int (rem x y)))

;; ---- seqs ----

(defn bounded-count
  "If coll is counted? returns its count, else will count at most the first n elements
  of coll using its seq."
  [n coll]
  (if (counted? coll)
    (count coll)
    (loop [i 0 s (seq coll)]
      (if (and s (< i n)) (recur (inc i) (next s)) i))))

(defn comparator
  "Returns an implementation of java.util.Comparator based upon pred: -1 when
  (pred x y), 1 when (pred y x), else 0."
  [pred]
  (fn [x y] (cond (pred x y) -1 (pred y x) 1 :else 0)))

(defn replicate
  "DEPRECATED: Use 'repeat' instead. Returns a lazy seq of n xs."
  [n x] (take n (repeat x)))

(defn random-sample
  "Returns items from coll with random probability of prob (0.0 - 1.0). Returns a
  transducer when no collection is provided."
  ([prob] (filter (fn [_] (< (rand) prob))))
  ([prob coll] (filter (fn [_] (< (rand) prob)) coll)))

(defn iteration
  "Creates a seqable/reducible via repeated calls to step, a function of some
  (continuation token) 'k'. The first call to step will be passed initk, returning
  'ret'. Iff (somef ret) is true, (vf ret) will be included in the iteration, else
  iteration will terminate and vf/kf will not be called. If (kf ret) is non-nil it will
  be passed to the next step call, else iteration will terminate. Options: :somef
  (default some?), :vf (default identity), :kf (default identity), :initk (default
  nil). In Clove the result is a lazy seq (so it caches what it realized)."
  [step & {:keys [somef vf kf initk] :or {vf identity kf identity somef some? initk nil}}]
  (letfn [(walk [ret]
            (when (somef ret)
              (cons (vf ret)
                    (when-some [k (kf ret)]
                      (lazy-seq (walk (step k)))))))]
    (lazy-seq (walk (step initk)))))

(defn xml-seq
  "A tree seq on the xml elements as per xml/parse (maps with :content)."
  [root]
  (tree-seq (complement string?) (comp seq :content) root))

(defn test
  "test [v] finds fn at key :test in var metadata and calls it, presuming failure will
  throw exception"
  [v]
  (let [f (:test (meta v))]
    (if f (do (f) :ok) :no-test)))
