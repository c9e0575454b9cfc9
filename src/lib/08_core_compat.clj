;; 08_core_compat.clj: clojure.core vars that JVM Clojure code names and that Clove keeps
;; for it (issue 18, docs/coverage.md): the compiler's dynamic vars (which change
;; nothing here), munge, cast, vector-of, seque, struct maps, definline, load-reader,
;; print-simple, default-data-readers and the Inst protocol.

;; ---- the compiler's dynamic vars ----

(def ^:dynamic *allow-unresolved-vars*
  "Kept for compatibility: Clove's compiler never allows unresolved vars."
  false)
(def ^:dynamic *compile-path*
  "Where JVM Clojure's compile writes class files; unused by Clove (clove compile writes
  images)."
  "classes")
(def ^:dynamic *compiler-options*
  "A map of options for JVM Clojure's compiler; Clove's ignores it."
  nil)
(def ^:dynamic *fn-loader*
  "JVM Clojure's class loader for fns; always nil in Clove."
  nil)
(def ^:dynamic *reader-resolver*
  "A resolver for the reader's auto-resolved names (clojure.lang.LispReader$Resolver);
  Clove's reader resolves through the current namespace and ignores it."
  nil)
(def ^:dynamic *source-path*
  "The source path of the file being compiled; nil in Clove (see *file*)."
  nil)
(def ^:dynamic *suppress-read*
  "Kept for compatibility; Clove's reader does not consult it."
  nil)
(def ^:dynamic *use-context-classloader*
  "Kept for compatibility; Clove has no class loaders."
  true)

;; ---- names ----

(def ^:private -char-map
  "How munge writes each character a Java name cannot hold (clojure.lang.Compiler/CHAR_MAP)."
  {\- "_" \: "_COLON_" \+ "_PLUS_" \> "_GT_" \< "_LT_" \= "_EQ_" \~ "_TILDE_" \! "_BANG_"
   \@ "_CIRCA_" \# "_SHARP_" \' "_SINGLEQUOTE_" \" "_DOUBLEQUOTE_" \% "_PERCENT_"
   \^ "_CARET_" \& "_AMPERSAND_" \* "_STAR_" \| "_BAR_" \{ "_LBRACE_" \} "_RBRACE_"
   \[ "_LBRACK_" \] "_RBRACK_" \/ "_SLASH_" \\ "_BSLASH_" \? "_QMARK_"})

(defn munge
  "Returns s (a symbol or string) with each character a Java name cannot hold replaced
  as Clojure's compiler does (- by _, ? by _QMARK_, ...): a symbol for a symbol, else a
  string."
  [s]
  (let [m (apply str (map (fn [c] (get -char-map c c)) (str s)))]
    (if (symbol? s) (symbol m) m)))

(defn namespace-munge
  "Converts a Clojure namespace name to a legal Java package name (- becomes _)."
  [ns]
  (.replace (str ns) \- \_))

;; ---- values ----

(defn cast
  "Throws a ClassCastException if x is not a c, else returns x."
  [c x]
  (if (or (nil? x) (instance? c x))
    x
    (throw (ClassCastException. (str "Cannot cast " (.getName (class x)) " to " c)))))

(defn vector-of
  "Creates a new vector of a single primitive type t, where t is one of :int :long :float
  :double :byte :short :char or :boolean, containing the contents of elements coerced
  to that type. In Clove it is a persistent vector of the coerced values."
  [t & elements]
  (let [coerce (case t
                 :int int :long long :float float :double double :byte byte :short short
                 :char char :boolean boolean
                 (throw (IllegalArgumentException. (str "Unrecognized type " t))))]
    (into [] (map coerce) elements)))

(defn seque
  "Creates a queued seq on another (presumably lazy) seq s. JVM Clojure fills the queue
  (of n items, or a BlockingQueue) from s on another thread; Clove has one thread, so
  the result is a lazy seq of s's items, realized as it is consumed."
  ([s] (seque 100 s))
  ([n-or-q s] (lazy-seq (seq s))))

;; ---- struct maps (deprecated in Clojure: use records) ----

(defn create-struct
  "Returns a structure basis object: the keys of the struct maps made from it."
  [& keys]
  (vec keys))

(defmacro defstruct
  "Same as (def name (create-struct keys...))"
  [name & keys]
  `(def ~name (create-struct ~@keys)))

(defn struct-map
  "Returns a new structmap instance with the keys of the structure-basis. keyvals may
  contain all, some or none of the basis keys - where values are not supplied they will
  default to nil. keyvals can also contain keys not in the basis. In Clove a struct map
  is an array map holding the basis keys first."
  [s & inits]
  (apply assoc (apply array-map (interleave s (repeat nil))) inits))

(defn struct
  "Returns a new structmap instance with the keys of the structure-basis. vals must be
  supplied for basis keys in order - where values are not supplied they will default
  to nil."
  [s & vals]
  (apply array-map (interleave s (concat vals (repeat nil)))))

(defn accessor
  "Returns a fn that, given an instance of a structmap with the basis, returns the value
  at the key."
  [s key]
  (when-not (some #(= key %) s)
    (throw (IllegalArgumentException. "Not a key of struct")))
  (fn [m] (get m key)))

;; ---- definitions, loading, printing ----

(defmacro definline
  "Experimental - like defmacro, except defines a named function whose body is the
  expansion, calls to which may be expanded inline as if it were a macro. Cannot be
  used with variadic (&) args."
  [name & decl]
  (let [[pre-args [args expr]] (split-with (comp not vector?) decl)]
    `(do
       (defn ~name ~@pre-args ~args ~(apply (eval (list `fn args expr)) args))
       (alter-meta! (var ~name) assoc :inline (fn ~name ~args ~expr))
       (var ~name))))

(defn load-reader
  "Sequentially read and evaluate the set of forms contained in the stream/file."
  [rdr]
  (load-string (slurp rdr)))

(defn print-simple
  "Writes (str o) to the writer w."
  [o w]
  (.write w (str o)))

(def default-data-readers
  "Default map of data reader functions provided by Clojure: #inst and #uuid. In Clove
  they are read by the reader itself; these functions read the same from a string."
  {'inst (fn [s] (read-string (str "#inst " (pr-str s))))
   'uuid (fn [s] (read-string (str "#uuid " (pr-str s))))})

(defn uri?
  "Return true if x is a java.net.URI. Clove has no URI values: always false."
  [x]
  false)

;; ---- instants ----

(def ^:private -inst-ms inst-ms)

(defprotocol Inst
  "Values that are instants: inst? is true of them and inst-ms gives their
  milliseconds since the epoch. Extended to java.util.Date (#inst); extend it to make
  other types instants."
  (inst-ms* [inst]))

(extend-protocol Inst
  java.util.Date
  (inst-ms* [inst] (-inst-ms inst)))

(defn inst-ms
  "Return the number of milliseconds since January 1, 1970, 00:00:00 GMT"
  [inst]
  (inst-ms* inst))

(defn inst?
  "Return true if x satisfies Inst"
  [x]
  (satisfies? Inst x))
