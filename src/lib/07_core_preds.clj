;; 07_core_preds.clj: the rest of clojure.core's small data functions (SPEC L6, L8):
;; type predicates (any? associative? reversible? seqable? indexed? ident? ...), NaN?
;; and infinite?, metadata and volatile helpers (vary-meta vswap!), Java-width numeric
;; casts (byte short float and their unchecked-* forms) and a few seq helpers
;; (bounded-count comparator replicate random-sample iteration xml-seq test).
;; The natives they build on are in natives/core/colls.cpp, data.cpp, numbers.cpp.

;; ---- predicates ----

(defn any?
  "A predicate that holds for everything: gives true whatever x is, nil included."
  [x] true)

(defn ident?
  "True when x is a keyword or a symbol."
  [x] (or (keyword? x) (symbol? x)))

(defn simple-ident?
  "True when x is a keyword or symbol that has no namespace part."
  [x] (and (ident? x) (nil? (namespace x))))

(defn qualified-ident?
  "True when x is a keyword or symbol that has a namespace part, as :a/b or a/b."
  [x] (boolean (and (ident? x) (namespace x) true)))

(defn simple-symbol?
  "True when x is a symbol that has no namespace part."
  [x] (and (symbol? x) (nil? (namespace x))))

(defn qualified-symbol?
  "True when x is a symbol that has a namespace part, as a/b."
  [x] (boolean (and (symbol? x) (namespace x) true)))

(defn simple-keyword?
  "True when x is a keyword that has no namespace part."
  [x] (and (keyword? x) (nil? (namespace x))))

(defn qualified-keyword?
  "True when x is a keyword that has a namespace part, as :a/b."
  [x] (boolean (and (keyword? x) (namespace x) true)))

(defn special-symbol?
  "True when the symbol s is the name of a special form (if, def, let*, fn*, quote and
  the like), which the compiler handles itself instead of through a var."
  [s]
  (contains? '#{& . case* catch def deftype* do finally fn* if let* letfn* loop*
                monitor-enter monitor-exit new quote recur reify* set! throw try var
                clojure.core/import*}
             s))

(defn NaN?
  "Returns true if num is NaN, else false. Throws ClassCastException for a non-number."
  [num] (let [d (double num)] (not (== d d))))

(defn infinite?
  "True when num is ##Inf or ##-Inf, false for any other number. Throws
  ClassCastException for a non-number."
  [num] (let [d (double num)] (or (== d ##Inf) (== d ##-Inf))))

;; ---- metadata and volatiles ----

(defn vary-meta
  "Gives obj back, same value and type, with its metadata replaced by (apply f (meta
  obj) args)."
  [obj f & args]
  (with-meta obj (apply f (meta obj) args)))

(defmacro vswap!
  "Sets the volatile vol to (apply f its-current-value args) and returns that new value.
  Not atomic: meant for state that a single thread owns."
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
  "Converts x to a byte-sized integer, in -128..127 (a long in Clove). Throws
  IllegalArgumentException when x is out of that range."
  [x] (range-checked x -128 127 "byte"))

(defn short
  "Converts x to a short-sized integer, in -32768..32767 (a long in Clove). Throws
  IllegalArgumentException when x is out of that range."
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
  "Converts x to a long without range checks, truncating a fraction: a double out of
  range saturates (NaN is 0) and a big integer or decimal keeps its low 64 bits, as
  Java's (long) cast and Number.longValue."
  [x]
  (cond (char? x) (long x)
        (float? x) (saturate x Long/MIN_VALUE Long/MAX_VALUE)
        (int? x) x
        :else (let [b (bigint x)
                    m (mod b 18446744073709551616N)]
                (long (if (>= m 9223372036854775808N) (- m 18446744073709551616N) m)))))

(defn unchecked-int
  "Converts x to an int (32 bits) as Java's (int) cast: integers wrap, doubles saturate
  to the int range (NaN is 0); a long in Clove."
  [x] (if (float? x) (saturate x -2147483648 2147483647) (wrap-bits (unchecked-long x) 32)))

(defn unchecked-short
  "Converts x to a short (16 bits) by wrapping, as Java's (short) cast (a double goes
  through (int) first); a long in Clove."
  [x] (wrap-bits (unchecked-int x) 16))

(defn unchecked-byte
  "Converts x to a byte (8 bits) by wrapping, as Java's (byte) cast (a double goes
  through (int) first); a long in Clove."
  [x] (wrap-bits (unchecked-int x) 8))

(defn unchecked-char
  "Converts x to a char by wrapping to 16 bits, as Java's (char) cast."
  [x] (char (bit-and (unchecked-int x) 0xFFFF)))

(defn unchecked-double
  "Converts the number x to a double."
  [x] (double x))

(defn unchecked-add-int "x + y, both ints; wraps to 32 bits." [x y] (unchecked-int (+ x y)))
(defn unchecked-subtract-int "x - y, both ints; wraps to 32 bits." [x y] (unchecked-int (- x y)))
(defn unchecked-multiply-int "x * y, both ints; wraps to 32 bits." [x y] (unchecked-int (unchecked-multiply x y)))
(defn unchecked-negate-int "-x, x an int; wraps to 32 bits." [x] (unchecked-int (- x)))
(defn unchecked-inc-int "Returns x + 1, x an int; wraps to 32 bits." [x] (unchecked-int (inc x)))
(defn unchecked-dec-int "Returns x - 1, x an int; wraps to 32 bits." [x] (unchecked-int (dec x)))
(defn unchecked-divide-int "(quot x y), both ints; rounds toward zero." [x y] (unchecked-int (quot x y)))
(defn unchecked-remainder-int "(rem x y), both ints; the sign follows x." [x y] (unchecked-int (rem x y)))

;; ---- seqs ----

(defn bounded-count
  "Counts coll but stops at n: a counted coll gives its full count at once, any other is
  walked through its seq for at most n items and the number seen is returned. Safe on
  infinite seqs."
  [n coll]
  (if (counted? coll)
    (count coll)
    (loop [i 0 s (seq coll)]
      (if (and s (< i n)) (recur (inc i) (next s)) i))))

(defn comparator
  "Turns the two-argument predicate pred (such as <) into a comparison function, usable
  with sort: -1 when (pred x y) holds, 1 when (pred y x) holds, 0 otherwise."
  [pred]
  (fn [x y] (cond (pred x y) -1 (pred y x) 1 :else 0)))

(defn replicate
  "Deprecated in favour of repeat. A lazy seq holding x n times."
  [n x] (take n (repeat x)))

(defn random-sample
  "Lazy seq keeping each item of coll independently with probability prob, a number
  between 0.0 and 1.0. (random-sample prob) alone is a transducer."
  ([prob] (filter (fn [_] (< (rand) prob))))
  ([prob coll] (filter (fn [_] (< (rand) prob)) coll)))

(defn iteration
  "Walks a paged or token-driven source through step, a function of one token. step is
  first called with initk; for each result ret, (vf ret) becomes part of the output if
  (somef ret) is truthy, and (kf ret) is the next token, with the walk ending when
  somef fails or kf gives nil. Options: :somef (default some?), :vf and :kf (default
  identity), :initk (default nil). In Clove the result is a lazy seq (so it caches what
  it realized)."
  [step & {:keys [somef vf kf initk] :or {vf identity kf identity somef some? initk nil}}]
  (letfn [(walk [ret]
            (when (somef ret)
              (cons (vf ret)
                    (when-some [k (kf ret)]
                      (lazy-seq (walk (step k)))))))]
    (lazy-seq (walk (step initk)))))

(defn xml-seq
  "Lazy seq of all the elements of an XML tree in the form xml parsing produces (maps
  whose children are under :content), depth first, root first."
  [root]
  (tree-seq (complement string?) (comp seq :content) root))

(defn test
  "Runs the test function stored under :test in the metadata of the var v: returns :ok
  after running it (it signals failure by throwing), or :no-test when v has none."
  [v]
  (let [f (:test (meta v))]
    (if f (do (f) :ok) :no-test)))

(defn clojure-version
  "The Clojure version whose behaviour Clove follows, as a string such as \"1.11.1\"
  (built from *clojure-version*)."
  []
  (let [{:keys [major minor incremental qualifier]} *clojure-version*]
    (str major "." minor (when incremental (str "." incremental)) (when qualifier (str "-" qualifier)))))

;; ---- vars and bindings ----

(defmacro with-local-vars
  "Evaluates body with each name of name-vals-vec (a vector of name init pairs) bound to
  a fresh var, not to a value. The vars start with the init values; read them with
  var-get or @ and change them with var-set."
  [name-vals-vec & body]
  (when-not (and (vector? name-vals-vec) (even? (count name-vals-vec)))
    (throw (IllegalArgumentException. "with-local-vars requires a vector for its binding with an even number of forms")))
  `(let [~@(interleave (take-nth 2 name-vals-vec) (repeat '(clojure.core/-local-var)))]
     (push-thread-bindings (hash-map ~@name-vals-vec))
     (try ~@body (finally (pop-thread-bindings)))))

(defn with-bindings*
  "Calls (apply f args) with thread bindings in effect: binding-map maps dynamic vars to
  the values they take during the call. The bindings are removed when f returns or
  throws; returns what f returns."
  [binding-map f & args]
  (push-thread-bindings binding-map)
  (try (apply f args) (finally (pop-thread-bindings))))

(defmacro with-bindings
  "Evaluates body with thread bindings in effect: binding-map maps dynamic vars (var
  objects, not symbols) to the values they take meanwhile. The bindings are removed
  when body ends or throws; returns the value of body."
  [binding-map & body]
  `(with-bindings* ~binding-map (fn [] ~@body)))

(defn bound-fn*
  "Wraps f into a function that, whenever it is called, first re-establishes the thread
  bindings that were in effect when bound-fn* ran, then calls f with its arguments. In
  Clove, where code runs on one thread, this matters for functions called later,
  outside the binding."
  [f]
  (let [bindings (get-thread-bindings)]
    (fn [& args] (apply with-bindings* bindings f args))))

(defmacro bound-fn
  "Like fn, but the function made carries the thread bindings in effect where bound-fn
  was evaluated and re-establishes them each time it runs (see bound-fn*)."
  [& fntail]
  `(bound-fn* (fn ~@fntail)))

(defn requiring-resolve
  "Resolves the namespace-qualified symbol sym to its var like resolve; when that finds
  nothing, requires the symbol's namespace first and tries again. Throws
  IllegalArgumentException for a symbol with no namespace."
  [sym]
  (if (qualified-symbol? sym)
    (or (resolve sym)
        (do (require (symbol (namespace sym)))
            (resolve sym)))
    (throw (IllegalArgumentException. (str "Not a qualified symbol: " sym)))))

(defmacro locking
  "Evaluates body, as do does, under the lock of the object x, so that other threads
  locking x wait. Clove runs each VM on one thread, so x is evaluated and the body run;
  there is nothing to lock."
  [x & body]
  `(do ~x ~@body))

;; ---- taps ----

(def ^:private tapset (atom []))

(defn add-tap
  "Registers f, a function of one argument, to receive every value sent with tap>. Clove
  calls taps synchronously from tap>, in the order they were added. Returns nil."
  [f]
  (swap! tapset (fn [ts] (if (some #(identical? f %) ts) ts (conj ts f))))
  nil)

(defn remove-tap
  "Unregisters the tap function f added with add-tap. Returns nil."
  [f]
  (swap! tapset (fn [ts] (filterv #(not (identical? f %)) ts)))
  nil)

(defn tap>
  "Passes x to every function registered with add-tap. Clove calls each tap now, on this
  thread (Clojure queues x for a tap thread); an exception in a tap is ignored. Returns
  true."
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
  "Makes Java classes known in the current namespace by their short names. Each argument
  is a full class symbol such as java.util.Date, or a list of a package symbol and
  class names, as in (java.util Date UUID). Prefer the :import clause of ns. Clove's
  classes are its host classes (docs/differences.md); java.lang names need no import."
  [& import-symbols-or-lists]
  (let [specs (map #(if (and (seq? %) (= 'quote (first %))) (second %) %) import-symbols-or-lists)
        classes (mapcat (fn [spec]
                          (if (symbol? spec)
                            [spec]
                            (let [[pkg & names] spec]
                              (map #(symbol (str pkg "." %)) names))))
                        specs)]
    `(do nil ~@(map (fn [c] `(-import-class '~c)) classes))))
