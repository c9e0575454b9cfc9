;; 07_core_preds.clj: the rest of clojure.core's small data functions (SPEC L6, L8):
;; type predicates (any? associative? reversible? seqable? indexed? ident? ...), NaN?
;; and infinite?, metadata and volatile helpers (vary-meta vswap!), Java-width numeric
;; casts (byte short float and their unchecked-* forms) and a few seq helpers
;; (bounded-count comparator replicate random-sample iteration xml-seq test).
;; The natives they build on are in natives/core/colls.cpp, data.cpp, numbers.cpp.

;; ---- predicates ----

(defn any?
  "Returns true given any argument."
  [x] true)

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
;; Clove has no Byte or Short: byte and short check the range of the Java type and
;; return a long (as `int` does). `float` and `unchecked-float` are natives
;; (natives/core/numbers.cpp) returning a java.lang.Float.

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

(defn- wrap-bits
  "The low `bits` bits of the long n read as a two's-complement number."
  [n bits]
  (let [m (bit-shift-left 1 bits)
        low (bit-and n (dec m))]
    (if (bit-test low (dec bits)) (- low m) low)))

(defn- saturate
  "Java's narrowing of a double to an integer type: NaN is 0, values beyond [lo, hi]
  become lo or hi, others truncate toward zero."
  [d lo hi]
  (cond (NaN? d) 0
        (<= d lo) lo
        (>= d hi) hi
        :else (long d)))

(defn unchecked-long
  "Coerce to long by truncation, without range checks: a double out of range saturates
  (NaN is 0) and a big integer or decimal keeps its low 64 bits, as Java's (long) cast
  and Number.longValue."
  [x]
  (cond (char? x) (long x)
        (float? x) (saturate x Long/MIN_VALUE Long/MAX_VALUE)
        (int? x) x
        :else (let [b (bigint x)
                    m (mod b 18446744073709551616N)]
                (long (if (>= m 9223372036854775808N) (- m 18446744073709551616N) m)))))

(defn unchecked-int
  "Coerce to int (32 bits) as Java's (int) cast: integers wrap, doubles saturate to the
  int range (NaN is 0); a long in Clove."
  [x] (if (float? x) (saturate x -2147483648 2147483647) (wrap-bits (unchecked-long x) 32)))

(defn unchecked-short
  "Coerce to short (16 bits) by wrapping, as Java's (short) cast (a double goes through
  (int) first); a long in Clove."
  [x] (wrap-bits (unchecked-int x) 16))

(defn unchecked-byte
  "Coerce to byte (8 bits) by wrapping, as Java's (byte) cast (a double goes through
  (int) first); a long in Clove."
  [x] (wrap-bits (unchecked-int x) 8))

(defn unchecked-char
  "Coerce to char by wrapping to 16 bits, as Java's (char) cast."
  [x] (char (bit-and (unchecked-int x) 0xFFFF)))

(defn unchecked-double
  "Coerce to double."
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

(defn clojure-version
  "Returns the version of Clojure whose behaviour Clove follows, as a printable string
  (\"1.11.1\"; see *clojure-version*)."
  []
  (let [{:keys [major minor incremental qualifier]} *clojure-version*]
    (str major "." minor (when incremental (str "." incremental)) (when qualifier (str "-" qualifier)))))

;; ---- vars and bindings ----

(defmacro with-local-vars
  "varbinding=> symbol init-expr

  Executes the exprs in a context in which the symbols are bound to vars with per-thread
  bindings to the init-exprs. The symbols refer to the var objects themselves, and must
  be accessed with var-get and var-set."
  [name-vals-vec & body]
  (when-not (and (vector? name-vals-vec) (even? (count name-vals-vec)))
    (throw (IllegalArgumentException. "with-local-vars requires a vector for its binding with an even number of forms")))
  `(let [~@(interleave (take-nth 2 name-vals-vec) (repeat '(clojure.core/-local-var)))]
     (push-thread-bindings (hash-map ~@name-vals-vec))
     (try ~@body (finally (pop-thread-bindings)))))

(defn with-bindings*
  "Takes a map of Var/value pairs. Installs for the given Vars the associated values as
  thread-local bindings. Then calls f with the supplied arguments. Pops the installed
  bindings after f returned. Returns whatever f returns."
  [binding-map f & args]
  (push-thread-bindings binding-map)
  (try (apply f args) (finally (pop-thread-bindings))))

(defmacro with-bindings
  "Takes a map of Var/value pairs. Installs for the given Vars the associated values as
  thread-local bindings. Then executes body. Pops the installed bindings after body was
  evaluated. Returns the value of body."
  [binding-map & body]
  `(with-bindings* ~binding-map (fn [] ~@body)))

(defn bound-fn*
  "Returns a function, which will install the same bindings in effect as in the thread at
  the time bound-fn* was called and then call f with any given arguments. In Clove, where
  code runs on one thread, this matters for functions called later, outside the binding."
  [f]
  (let [bindings (get-thread-bindings)]
    (fn [& args] (apply with-bindings* bindings f args))))

(defmacro bound-fn
  "Returns a function defined by the given fntail, which will install the same bindings in
  effect as in the thread at the time bound-fn was called."
  [& fntail]
  `(bound-fn* (fn ~@fntail)))

(defn requiring-resolve
  "Resolves namespace-qualified sym per 'resolve'. If initial resolve fails, attempts to
  require sym's namespace and retries. Throws IllegalArgumentException for a symbol with
  no namespace."
  [sym]
  (if (qualified-symbol? sym)
    (or (resolve sym)
        (do (require (symbol (namespace sym)))
            (resolve sym)))
    (throw (IllegalArgumentException. (str "Not a qualified symbol: " sym)))))

(defmacro locking
  "Executes exprs in an implicit do, while holding the monitor of x. Clove runs each VM on
  one thread, so x is evaluated and the body run; there is nothing to lock."
  [x & body]
  `(do ~x ~@body))

;; ---- taps ----

(def ^:private tapset (atom []))

(defn add-tap
  "Adds f, a fn of one argument, to the tap set. This function may (briefly) block. Clove
  calls taps synchronously from tap>, in the order they were added. Returns nil."
  [f]
  (swap! tapset (fn [ts] (if (some #(identical? f %) ts) ts (conj ts f))))
  nil)

(defn remove-tap
  "Remove f from the tap set."
  [f]
  (swap! tapset (fn [ts] (filterv #(not (identical? f %)) ts)))
  nil)

(defn tap>
  "Sends x to any taps. Clove calls each tap now, on this thread (Clojure queues x for a
  tap thread); an exception in a tap is ignored. Returns true."
  [x]
  (doseq [f @tapset] (try (f x) (catch Throwable _ nil)))
  true)

;; ---- import ----

(defn -import-class
  "import's work for one class given by its full name (a symbol): makes its simple name
  refer, in the current namespace, to the class. A class Clove knows (one of its host
  classes) is referred from clojure.core; any other name maps to the class-name symbol,
  so that code which only names it (or takes another path at run time) still loads."
  [full]
  (let [n (str full)
        short (symbol (subs n (inc (clojure.string/last-index-of n "."))))
        known (resolve full)
        cls (if known (var-get known) full)]
    (intern *ns* short cls)
    cls))

(defmacro import
  "import-list => (package-symbol class-name-symbols*)

  For each name in class-name-symbols, adds a mapping from name to the class named by
  package.name to the current namespace. Use :import in the ns macro in preference to
  calling this directly. Clove's classes are its host classes (docs/differences.md);
  java.lang names need no import."
  [& import-symbols-or-lists]
  (let [specs (map #(if (and (seq? %) (= 'quote (first %))) (second %) %) import-symbols-or-lists)
        classes (mapcat (fn [spec]
                          (if (symbol? spec)
                            [spec]
                            (let [[pkg & names] spec]
                              (map #(symbol (str pkg "." %)) names))))
                        specs)]
    `(do nil ~@(map (fn [c] `(-import-class '~c)) classes))))
