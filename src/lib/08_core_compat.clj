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
  "The Java package name for the namespace name ns: each - becomes _."
  [ns]
  (.replace (str ns) \- \_))

;; ---- values ----

(defn cast
  "Gives x back when it is an instance of class c (or nil); otherwise throws
  ClassCastException."
  [c x]
  (if (or (nil? x) (instance? c x))
    x
    (throw (ClassCastException. (str "Cannot cast " (.getName (class x)) " to " (.getName c))))))

(defn vector-of
  "On the JVM, a vector that stores values of one primitive type t (:int, :long, :float,
  :double, :byte, :short, :char or :boolean), holding the elements converted to that
  type. In Clove it is a persistent vector of the coerced values."
  [t & elements]
  (let [coerce (case t
                 :int int :long long :float float :double double :byte byte :short short
                 :char char :boolean boolean
                 (throw (IllegalArgumentException. (str "Unrecognized type " t))))]
    (into [] (map coerce) elements)))

(defn seque
  "A seq of the items of s read through a buffer that is filled ahead of consumption.
  JVM Clojure fills the queue (of n items, or a BlockingQueue) from s on another
  thread; Clove has one thread, so the result is a lazy seq of s's items, realized as
  it is consumed."
  ([s] (seque 100 s))
  ([n-or-q s] (lazy-seq (seq s))))

;; ---- struct maps (deprecated in Clojure: use records) ----

(defn create-struct
  "Makes a struct basis from keys: the keys that the struct maps built on it always
  hold, in that order."
  [& keys]
  (vec keys))

(defmacro defstruct
  "Defines name as the struct basis (create-struct keys...)."
  [name & keys]
  `(def ~name (create-struct ~@keys)))

(defn struct-map
  "Makes a struct map on basis s: it holds every basis key, with the value given for it
  in the key/value pairs inits, or nil. Keys outside the basis may be given too. In
  Clove a struct map is an array map holding the basis keys first."
  [s & inits]
  (apply assoc (apply array-map (interleave s (repeat nil))) inits))

(defn struct
  "Makes a struct map on basis s with the values vals given positionally, in the order
  of the basis keys; keys past the last value get nil."
  [s & vals]
  (apply array-map (interleave s (concat vals (repeat nil)))))

(defn accessor
  "A function that reads key from struct maps built on basis s: (accessor s :k) works
  like :k on them."
  [s key]
  (when-not (some #(= key %) s)
    (throw (IllegalArgumentException. "Not a key of struct")))
  (fn [m] (get m key)))

;; ---- definitions, loading, printing ----

(defmacro definline
  "Defines name as a function whose body is written like a macro's (a template returning
  code): calls to it can be expanded in place, while it stays an ordinary function when
  used as a value. Variadic parameters are not allowed."
  [name & decl]
  (let [[pre-args [args expr]] (split-with (comp not vector?) decl)]
    `(do
       (defn ~name ~@pre-args ~args ~(apply (eval (list `fn args expr)) args))
       (alter-meta! (var ~name) assoc :inline (fn ~name ~args ~expr))
       (var ~name))))

(defn load-reader
  "Reads every form from the reader rdr and evaluates each in turn, giving the value of
  the last."
  [rdr]
  (load-string (slurp rdr)))

(defn print-simple
  "Writes (str o) to the writer w."
  [o w]
  (.write w (str o)))

(def default-data-readers
  "The built-in tagged-literal readers, for #inst and #uuid, as a map from tag symbol to
  reader function. In Clove they are read by the reader itself; these functions read
  the same from a string."
  {'inst (fn [s] (read-string (str "#inst " (pr-str s))))
   'uuid (fn [s] (read-string (str "#uuid " (pr-str s))))})

(defn uri?
  "On the JVM, true when x is a java.net.URI. Clove has no URI values: always false."
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
  "The instant inst as a count of milliseconds since 1970-01-01T00:00:00Z."
  [inst]
  (inst-ms* inst))

(defn inst?
  "True when x is an instant, a value implementing the Inst protocol (such as a #inst
  date)."
  [x]
  (satisfies? Inst x))
