;; 05_poly.clj: polymorphism (SPEC L11): hierarchies (derive isa? ancestors ...),
;; multimethods (defmulti defmethod ...), protocols (defprotocol extend-type
;; extend-protocol), records and types (defrecord deftype) and reify.
;;
;; The objects behind them are native (runtime/record.h, protocol.h, multifn.h; natives
;; in natives/core/poly.cpp); this file holds the macros and the parts Clojure itself
;; writes in Clojure. Protocol methods and multimethods are Clove fns that look their
;; implementation up with a native (-pfn, -mm-get) and tail-call it, so dispatch never
;; nests the C++ stack. Class values are described in runtime/host_class.h.

;; ---------------------------------------------------------------- hierarchies

(defn make-hierarchy
  "A new, empty hierarchy map, to use with derive, underive, isa?, parents, ancestors
  and descendants instead of the global one."
  [] {:parents {} :descendants {} :ancestors {}})

(def ^:private global-hierarchy (make-hierarchy))

(defn isa?
  "True when child equals parent, when child's class extends or implements parent's
  class, or when derive has made parent an ancestor of child in hierarchy h (the global
  hierarchy when h is left out). Two vectors of the same length are checked position by
  position."
  ([child parent] (isa? global-hierarchy child parent))
  ([h child parent]
   (or (= child parent)
       (-class-assignable? parent child)
       (contains? (get (get h :ancestors) child) parent)
       (and (class? child)
            (some (fn [c] (contains? (get (get h :ancestors) c) parent)) (supers child)))
       (and (vector? parent) (vector? child)
            (= (count parent) (count child))
            (loop [ret true i 0]
              (if (or (not ret) (= i (count parent)))
                ret
                (recur (isa? h (nth child i) (nth parent i)) (inc i))))))))

(defn parents
  "The set of direct parents of tag, from derive relations in hierarchy h (the global
  one by default) and, for a class, its direct superclass and interfaces; nil when
  there are none."
  ([tag] (parents global-hierarchy tag))
  ([h tag]
   (not-empty
    (let [tp (get (get h :parents) tag)]
      (if (class? tag) (into (set (bases tag)) tp) tp)))))

(defn ancestors
  "The set of all parents of tag, direct or through other ancestors, from derive
  relations in hierarchy h (the global one by default) and, for a class, its
  superclasses and interfaces; nil when there are none."
  ([tag] (ancestors global-hierarchy tag))
  ([h tag]
   (not-empty
    (let [ta (get (get h :ancestors) tag)]
      (if (class? tag)
        (let [superclasses (set (supers tag))]
          (reduce into superclasses
                  (cons ta (map (fn [c] (get (get h :ancestors) c)) superclasses))))
        ta)))))

(defn descendants
  "The set of all tags that derive from tag, directly or through others, in hierarchy h
  (the global one by default); nil when there are none. Class inheritance is not looked
  at."
  ([tag] (descendants global-hierarchy tag))
  ([h tag]
   (if (class? tag)
     (throw (UnsupportedOperationException. "Can't get descendants of classes"))
     (not-empty (get (get h :descendants) tag)))))

(defn- -named? [x] (or (keyword? x) (symbol? x)))

(defn derive
  "Records in hierarchy h that tag is a child of parent, and returns the new hierarchy.
  Without h it changes the global hierarchy (and returns nil); there parent must be a
  namespace-qualified keyword or symbol and tag one too or a class. Throws when tag
  equals parent, when the relation already holds through another ancestor, or when it
  would make a cycle."
  ([tag parent]
   (when-not (and (-named? parent) (namespace parent))
     (throw (AssertionError. "Assert failed: (namespace parent)")))
   (when-not (or (class? tag) (and (-named? tag) (namespace tag)))
     (throw (AssertionError. "Assert failed: (or (class? tag) (and (instance? clojure.lang.Named tag) (namespace tag)))")))
   (-set-root! (var global-hierarchy) (derive global-hierarchy tag parent))
   nil)
  ([h tag parent]
   (when (= tag parent) (throw (AssertionError. "Assert failed: (not= tag parent)")))
   (when-not (or (class? tag) (-named? tag))
     (throw (AssertionError. "Assert failed: (or (class? tag) (instance? clojure.lang.Named tag))")))
   (when-not (-named? parent)
     (throw (AssertionError. "Assert failed: (instance? clojure.lang.Named parent)")))
   (let [tp (get h :parents)
         td (get h :descendants)
         ta (get h :ancestors)
         ;; adds target and target's ancestors-or-descendants to source and to every
         ;; element of source's descendants-or-ancestors
         tf (fn [m source sources target targets]
              (reduce (fn [ret k]
                        (assoc ret k (reduce conj (get targets k #{}) (cons target (get targets target)))))
                      m (cons source (get sources source))))]
     (if (contains? (get tp tag) parent)
       h
       (do
         (when (contains? (get ta tag) parent)
           (throw (Exception. (print-str tag "already has" parent "as ancestor"))))
         (when (contains? (get ta parent) tag)
           (throw (Exception. (print-str "Cyclic derivation:" parent "has" tag "as ancestor"))))
         {:parents (assoc tp tag (conj (get tp tag #{}) parent))
          :ancestors (tf ta tag td parent ta)
          :descendants (tf td parent ta tag td)})))))

(defn underive
  "Takes back a relation made by derive: tag is no longer a child of parent in hierarchy
  h, which is returned. Without h it changes the global hierarchy (and returns nil). A
  relation that does not exist is ignored."
  ([tag parent]
   (-set-root! (var global-hierarchy) (underive global-hierarchy tag parent))
   nil)
  ([h tag parent]
   (let [parent-map (get h :parents)
         childs-parents (if (get parent-map tag) (disj (get parent-map tag) parent) #{})
         new-parents (if (not-empty childs-parents)
                       (assoc parent-map tag childs-parents)
                       (dissoc parent-map tag))
         pairs (mapcat (fn [e] (map (fn [p] [(key e) p]) (val e))) (seq new-parents))]
     (if (contains? (get parent-map tag) parent)
       (reduce (fn [hh pair] (derive hh (nth pair 0) (nth pair 1))) (make-hierarchy) pairs)
       h))))

;; ---------------------------------------------------------------- multimethods

(defn- -mm-prefers? [prefers h x y]
  (boolean
   (or (contains? (get prefers x) y)
       (some (fn [p] (-mm-prefers? prefers h x p)) (parents h y))
       (some (fn [p] (-mm-prefers? prefers h p y)) (parents h x)))))

(defn -mm-best-method
  "The method a multimethod runs for dispatch value dv (MultiFn.findAndCacheBestMethod):
  the method whose value dv isa? and that dominates every other such method, else the
  default method, else nil. Called by the native dispatch cache on a miss."
  [mm-name table prefers h dv default]
  (let [dominates (fn [x y] (or (-mm-prefers? prefers h x y) (isa? h x y)))
        best (reduce (fn [best e]
                       (if (isa? h dv (key e))
                         (let [best (if (or (nil? best) (dominates (key e) (key best))) e best)]
                           (if (dominates (key best) (key e))
                             best
                             (throw (IllegalArgumentException.
                                     (str "Multiple methods in multimethod '" mm-name
                                          "' match dispatch value: " dv " -> " (key e)
                                          " and " (key best) ", and neither is preferred")))))
                         best))
                     nil (seq table))]
    (if best (val best) (get table default))))

(defn- -multimethod-fn-form
  "The fn a defmulti defines: (fn* name ([a0] ((-mm-get mf (d a0)) a0)) ...): it calls
  the dispatch fn d, looks the method up and tail-calls it."
  [fname mf d]
  (let [ps (fn [n] (vec (map (fn [i] (symbol (str "a" i))) (range n))))
        fixed (map (fn [n]
                     (let [p (ps n)]
                       (list p (list* (list 'clojure.core/-mm-get mf (list* d p)) p))))
                   (range 8))
        p8 (ps 8)
        variadic (list (conj (conj p8 '&) 'more)
                       (list* 'clojure.core/apply
                              (list 'clojure.core/-mm-get mf (list* 'clojure.core/apply d (conj p8 'more)))
                              (conj p8 'more)))]
    (list* 'fn* fname (concat fixed (list variadic)))))

(defmacro defmulti
  "Defines mm-name as a multimethod that calls dispatch-fn on its arguments and runs the
  method registered (with defmethod) for the value it returns, or for a value that
  value isa?. A docstring and an attribute map may come before dispatch-fn. Options
  after it: :default, the dispatch value of the fallback method (default :default), and
  :hierarchy, a var holding the hierarchy used for isa? (default the global one).
  Evaluating a defmulti again for a var that already holds a multimethod does nothing
  (the methods are kept)."
  [mm-name & options]
  (let [docstring (if (string? (first options)) (first options) nil)
        options (if docstring (next options) options)
        m (if (map? (first options)) (first options) {})
        options (if (map? (first options)) (next options) options)
        dispatch-fn (first options)
        opts (apply hash-map (next options))
        m (if docstring (assoc m :doc docstring) m)
        m (if (meta mm-name) (conj (meta mm-name) m) m)
        default (get opts :default :default)
        hierarchy (get opts :hierarchy (list 'var 'clojure.core/global-hierarchy))
        mf (gensym "mf")
        d (gensym "dispatch")]
    (list 'let* [(gensym "v") (list 'def mm-name)]
          (list 'if (list 'clojure.core/-multifn? (list 'clojure.core/-var-root-or-nil (list 'var mm-name)))
                nil
                (list 'def (with-meta mm-name m)
                      (list 'let* [d dispatch-fn
                                   mf (list 'clojure.core/-multifn (name mm-name) d default hierarchy)]
                            (-multimethod-fn-form mm-name mf d)))))))

(defn -add-method
  "Adds method f to multimethod mm for dispatch value dv (defmethod). Returns mm."
  [mm dv f]
  (-mm-set-methods! mm (assoc (nth (-mm-state mm) 0) dv f)))

(defmacro defmethod
  "Adds to multimethod multifn the method run for dispatch-val; the rest of the form is
  a fn tail, one or more arities. A method already registered for that value is
  replaced."
  [multifn dispatch-val & fn-tail]
  (list 'clojure.core/-add-method multifn dispatch-val (cons 'fn fn-tail)))

(defn remove-method
  "Takes the method for dispatch-val out of multimethod multifn; returns multifn."
  [multifn dispatch-val]
  (-mm-set-methods! multifn (dissoc (nth (-mm-state multifn) 0) dispatch-val)))

(defn remove-all-methods
  "Takes every method out of multimethod multifn; returns multifn."
  [multifn]
  (-mm-set-methods! multifn {}))

(defn methods
  "The methods of multimethod multifn as a map from dispatch value to method function."
  [multifn] (nth (-mm-state multifn) 0))

(defn prefers
  "The preferences of multimethod multifn, set with prefer-method, as a map from a
  dispatch value to the set of values it wins over."
  [multifn] (nth (-mm-state multifn) 1))

(defn prefer-method
  "Tells multimethod multifn that when a dispatch value matches the methods of both
  dispatch-val-x and dispatch-val-y (through isa?) and neither is more specific, the
  method for dispatch-val-x runs."
  [multifn dispatch-val-x dispatch-val-y]
  (let [st (-mm-state multifn)
        prefs (nth st 1)]
    (when (-mm-prefers? prefs (nth st 2) dispatch-val-y dispatch-val-x)
      (throw (IllegalStateException.
              (str "Preference conflict in multimethod '" (nth st 4) "': " dispatch-val-y
                   " is already preferred to " dispatch-val-x))))
    (-mm-set-prefers! multifn (assoc prefs dispatch-val-x (conj (get prefs dispatch-val-x #{}) dispatch-val-y)))))

;; ---------------------------------------------------------------- protocols

(defmacro defprotocol
  "Defines a protocol: a named group of functions whose implementation is chosen by the
  type of their first argument. After the name come an optional docstring and method
  signatures, each a method name, one or more parameter vectors and an optional
  docstring, as in (defprotocol P \"doc\" (m [this] [this x] \"doc of m\")). Defines a
  var holding the protocol and one function per method; types get implementations with
  extend, extend-type, extend-protocol, defrecord, deftype or reify."
  [pname & specs]
  (let [doc (if (string? (first specs)) (first specs) nil)
        specs (if doc (next specs) specs)
        ;; options such as :extend-via-metadata come in pairs before the signatures
        specs (loop [s specs] (if (keyword? (first s)) (recur (nnext s)) s))
        qname (symbol (str (ns-name *ns*)) (name pname))
        sigs (vec specs)
        p (gensym "p")
        method-def
        (fn [i sig]
          (let [mname (first sig)
                arglists (filter vector? (rest sig))
                mdoc (first (filter string? (rest sig)))
                arity (fn [params]
                        (let [ps (vec (map (fn [j] (symbol (str "a" j))) (range (count params))))]
                          (when (zero? (count ps))
                            (throw (IllegalArgumentException.
                                    (str "Definition of function " mname " in protocol " pname
                                         " must take at least one arg."))))
                          (list ps (list* (list 'clojure.core/-pfn p i (first ps)) ps))))
                m (if mdoc
                    {:arglists (list 'quote (apply list arglists)) :doc mdoc}
                    {:arglists (list 'quote (apply list arglists))})]
            (list 'def (with-meta mname m)
                  (list 'let* [p pname]
                        (list* 'fn* mname (map arity arglists))))))]
    (concat
     (list 'do
           (list 'def (with-meta pname (if doc {:doc doc} {}))
                 (list 'clojure.core/-protocol (list 'quote qname) (list 'var pname)
                       (vec (map (fn [s] (keyword (name (first s)))) sigs)) doc)))
     (map method-def (range (count sigs)) sigs)
     (list (list 'quote pname)))))

(defn- -impl-groups
  "Splits specs (Head method-form* Head method-form* ...) into [[head [forms]] ...]."
  [specs]
  (reduce (fn [acc x]
            (if (seq? x)
              (if (empty? acc)
                (throw (IllegalArgumentException. (str "method " (first x) " given before any protocol or type")))
                (conj (pop acc) [(first (peek acc)) (conj (second (peek acc)) x)]))
              (conj acc [x []])))
          [] specs))

(defn- -method-arities
  "Groups method forms by name: [[name [(params body...) ...]] ...]. A method may come
  as (m [params] body) forms, one per arity, or as (m ([params] body) ...)."
  [forms]
  (reduce (fn [acc form]
            (let [nm (first form)
                  arities (if (vector? (second form)) (list (rest form)) (rest form))
                  idx (first (filter (fn [i] (= (first (nth acc i)) nm)) (range (count acc))))]
              (if idx
                (assoc acc idx [nm (into (second (nth acc idx)) arities)])
                (conj acc [nm (vec arities)]))))
          [] forms))

(defn- -symbols-in [form] (set (filter symbol? (tree-seq coll? seq form))))

(defn- -subst-mutable
  "form with each mutable field of a deftype (m: field symbol -> index) read as
  (-field this i) and each (set! field v) made (-set-field! this i v). Quoted forms are
  left alone; a fn form gets the values of the fields it uses when it is made (a
  closure captures them, as on the JVM); a local that shadows a mutable field is not
  seen (the field wins)."
  [form m this]
  (cond
    (symbol? form) (if (contains? m form) (list 'clojure.core/-field this (get m form)) form)
    (seq? form)
    (let [h (first form)]
      (cond
        (= h 'quote) form
        ;; a closure captures the fields' values when it is made, as on the JVM
        (contains? #{'fn 'fn* 'clojure.core/fn} h)
        (let [used (filter (fn [f] (contains? (-symbols-in form) f)) (keys m))]
          (if (empty? used)
            form
            (list 'clojure.core/let (vec (mapcat (fn [f] [f (list 'clojure.core/-field this (get m f))]) used))
                  form)))
        (and (= h 'set!) (contains? m (second form)))
        (list 'clojure.core/-set-field! this (get m (second form)) (-subst-mutable (nth form 2 nil) m this))
        :else (with-meta (apply list (map (fn [x] (-subst-mutable x m this)) form)) (meta form))))
    (vector? form) (with-meta (vec (map (fn [x] (-subst-mutable x m this)) form)) (meta form))
    (map? form) (into {} (map (fn [e] [(-subst-mutable (key e) m this) (-subst-mutable (val e) m this)]) form))
    (set? form) (set (map (fn [x] (-subst-mutable x m this)) form))
    :else form))

(defn- -bind-fields
  "Wraps a method arity (params body...) so that the fields of a record or type it
  mentions are bound to the instance's field values: (:f this) for a record's (one
  lookup instruction, GETK), (-field this i) for a type's (types are not maps). fields
  is a record's when it carries {:record true} as metadata; {:mutable #{f ...}} names a
  deftype's mutable fields, which are read from the instance at each use and assigned
  with set! (-subst-mutable)."
  [fields arity]
  (let [params (first arity)
        body (rest arity)
        used (-symbols-in body)
        own (-symbols-in params)
        mutable (or (:mutable (meta fields)) #{})
        wanted (filter (fn [i] (let [f (nth fields i)] (and (contains? used f) (not (contains? own f)))))
                       (range (count fields)))]
    (if (or (empty? wanted) (empty? params))
      arity
      (let [this (first params)
            this-sym (if (symbol? this) this (gensym "this"))
            record? (:record (meta fields))
            muts (into {} (map (fn [i] [(nth fields i) i])
                               (filter (fn [i] (contains? mutable (nth fields i))) wanted)))
            body (if (empty? muts) body (map (fn [form] (-subst-mutable form muts this-sym)) body))
            binds (vec (mapcat (fn [i]
                                 [(nth fields i)
                                  (if record?
                                    (list (keyword (name (nth fields i))) this-sym)
                                    (list 'clojure.core/-field this-sym i))])
                               (remove (fn [i] (contains? mutable (nth fields i))) wanted)))
            binds (if (symbol? this) binds (conj (conj binds this) this-sym))]
        (list (if (symbol? this) params (assoc params 0 this-sym))
              (list* 'clojure.core/let binds body))))))

(defn- -method-map
  "{:m (fn Label.m ([this ...] ...) ...) ...} for the method forms of one protocol."
  [label fields forms]
  (into {} (map (fn [ma]
                  (let [nm (first ma)]
                    [(keyword (name nm))
                     (list* 'fn (symbol (str label "." (name nm)))
                            (map (fn [a] (-bind-fields fields a)) (second ma)))]))
                (-method-arities forms))))

(defn- -protocol-head?
  "Whether the head of a spec group names a protocol (else it names an interface:
  Object, clojure.lang.ILookup, java.util.Map, a name Clove does not know...)."
  [head]
  (let [v (when (symbol? head) (resolve head))]
    (boolean (and (var? v) (-protocol? (-var-root-or-nil v))))))

(defn- -iface-name
  "The full name of an interface head, a symbol: the name of the class a var of that name
  holds (clojure.lang.ILookup for ILookup imported or not), the symbol a definterface var
  holds, else the head itself."
  [head]
  (let [v (when (symbol? head) (resolve head))
        c (when (var? v) (-var-root-or-nil v))]
    (cond (class? c) (symbol (.getName c))
          (symbol? c) c
          :else head)))

(defn- -iface-args
  "[names methods] for the interface groups of a deftype, defrecord or reify: the
  interface names (quoted) and one method map merging every group's methods by name."
  [label fields groups]
  (if (empty? groups)
    [nil nil]
    [(list 'quote (vec (map (fn [g] (-iface-name (first g))) groups)))
     (-method-map label fields (mapcat second groups))]))

(defn- -extend-forms
  "The (extend ...) forms for the inline protocol implementations of type `target`, and
  one (-implement! ...) for its interfaces (Object and clojure.lang ones)."
  [target label fields specs]
  (let [groups (-impl-groups specs)
        ifaces (remove (fn [g] (-protocol-head? (first g))) groups)]
    (concat
     (map (fn [g] (list 'clojure.core/extend target (first g) (-method-map label fields (second g))))
          (filter (fn [g] (-protocol-head? (first g))) groups))
     (when (seq ifaces)
       (let [[names methods] (-iface-args label fields ifaces)]
         (list (list 'clojure.core/-implement! target names methods)))))))

(defn- -class-arg
  "extend-type's type argument: as given, except a dotted symbol naming no var (a Java
  class Clove does not know, such as java.net.URI), which is quoted so that the
  extension is accepted and applies to no Clove value."
  [t]
  (if (and (symbol? t) (nil? (namespace t)) (some (fn [c] (= c \.)) (name t))
           (not (resolve t)))
    (list 'quote t)
    t))

(defmacro extend-type
  "Implements one or more protocols for the type t with the method bodies written in
  place, as (extend-type T P1 (m1 [this] ...) P2 (m2 ([this] ...) ([this x] ...))); it
  expands into a call of extend. t is a class value: String, Number, Object,
  clojure.lang.IPersistentVector, a record or deftype class, or nil."
  [t & specs]
  (let [label (if (nil? t) "nil" (name t))
        t (-class-arg t)]
    (list* 'do
           (concat (map (fn [g] (list 'clojure.core/extend t (first g) (-method-map label [] (second g))))
                        (-impl-groups specs))
                   (list nil)))))

(defmacro extend-protocol
  "Implements the protocol p for several types in one form: after p, each type is
  followed by its method bodies, as in (extend-protocol P String (m [s] ...) nil (m [_]
  ...)). Expands into one extend-type per type."
  [p & specs]
  (list* 'do
         (concat (map (fn [g] (list* 'clojure.core/extend-type (first g) p (second g)))
                      (-impl-groups specs))
                 (list nil))))

;; ---------------------------------------------------------------- records and types

(defn- -class-name [tname]
  (let [ns (apply str (map (fn [c] (if (= c \-) \_ c)) (str (ns-name *ns*))))]
    (str ns "." (name tname))))

(defn- -emit-type [kind tname fields specs]
  (let [record? (= kind :record)
        cname (-class-name tname)
        mutable (set (filter (fn [f] (let [m (meta f)] (or (:volatile-mutable m) (:unsynchronized-mutable m))))
                             fields))
        _ (when (and record? (seq mutable))
            (throw (IllegalArgumentException. (str "Records cannot have mutable fields: " (first mutable)))))
        fields (vec (map (fn [f] (with-meta f nil)) fields))
        args (vec (map (fn [i] (symbol (str "f" i))) (range (count fields))))]
    (concat
     (list 'do
           (list 'def tname (list 'clojure.core/-record-type cname (list 'quote fields) record?))
           (list 'def (with-meta (symbol (str "->" (name tname)))
                        {:doc (str "Makes an instance of " cname " from the field values, given in field order.")
                         :arglists (list 'quote (list fields))})
                 (list 'fn (symbol (str "->" (name tname))) args
                       (list* 'clojure.core/-make-instance tname args))))
     (when record?
       (list (list 'def (with-meta (symbol (str "map->" (name tname)))
                          {:doc (str "Makes an instance of " cname " from a map: keys naming fields"
                                     " fill them, any other keys become extra entries.")
                           :arglists ''([m])})
                   (list 'fn (symbol (str "map->" (name tname))) '[m]
                         (list 'clojure.core/-map->record tname 'm)))))
     (-extend-forms tname (name tname) (if record? (with-meta fields {:record true}) (with-meta fields {:mutable mutable}))
                    specs)
     (list tname))))

(defmacro defrecord
  "(defrecord name [fields*] specs*)
  Defines a record type: a map-like type with the given fields, a var `name` holding its
  class (it prints as ns.name), the factories ->name and map->name, and (name. args)
  construction. specs are protocol or interface names each followed by method
  implementations, in which the fields are in scope: `Object (toString [this] ...)`
  sets the string form, Clojure's interfaces add what a record lacks
  (clojure.lang.IFn (invoke [this x] ...), clojure.lang.IDeref, ...)."
  [tname fields & specs]
  (-emit-type :record tname fields specs))

(defmacro deftype
  "(deftype name [fields*] specs*)
  Like defrecord but the instances are opaque (no map behaviour, identity equality)
  unless specs implement Clojure's interfaces: clojure.lang.ILookup, Counted, Seqable,
  IPersistentCollection, Associative, IPersistentMap, IPersistentVector, IPersistentSet,
  IPersistentStack, Indexed, Sequential, Reversible, ISeq, IFn, IDeref, IPending,
  IMeta/IObj, IHashEq, MapEquivalence, IKVReduce, IReduceInit, Comparable and Object's
  equals/hashCode/toString, which core functions then call (get, count, seq, conj,
  assoc, =, hash, printing, calling the instance, ...). A method that a named interface
  needs but is not given throws AbstractMethodError when called. Fields are visible in
  the method implementations; one marked ^:volatile-mutable or ^:unsynchronized-mutable
  can be assigned there with (set! field value). Defines ->name."
  [tname fields & specs]
  (-emit-type :type tname fields specs))

(defn -user-subseq
  "subseq (asc? true) or rsubseq of sc, a deftype or reify implementing
  clojure.lang.Sorted, as clojure.core defines them over its methods: seqFrom, seq (with
  an ascending flag), entryKey and comparator (a fn of two keys)."
  [asc? sc & args]
  (let [cmp (.comparator sc)
        bound (fn [test key] (fn [e] (test (cmp (.entryKey sc e) key) 0)))
        from (fn [s include] (when-let [e (first s)] (if (include e) s (next s))))]
    (if (= (count args) 2)
      (let [[test key] args
            include (bound test key)]
        (if (contains? (if asc? #{> >=} #{< <=}) test)
          (from (.seqFrom sc key asc?) include)
          (take-while include (.seq sc asc?))))
      (let [[start-test start-key end-test end-key] args]
        (if asc?
          (take-while (bound end-test end-key) (from (.seqFrom sc start-key true) (bound start-test start-key)))
          (take-while (bound start-test start-key) (from (.seqFrom sc end-key false) (bound end-test end-key))))))))

(defmacro definterface
  "Declares a Java-style interface called iname with the method signatures sigs, as in
  (definterface Shape (area []) (scale [factor])). In Clove an interface is a name, the
  symbol of its class (user.Shape), held by the var `name`: deftype, defrecord and
  reify forms that list it give its methods, which (.method obj args) calls. No value
  is an instance of it for instance?."
  [iname & sigs]
  (let [cname (symbol (-class-name iname))]
    (list 'do (list 'def iname (list 'quote cname)) (list 'quote cname))))

(defn record-basis
  "The vector of field symbols of a record or type class (Clojure's getBasis)."
  [c] (-record-basis c))

(defmacro reify
  "reify creates an object implementing the protocols and interfaces given:
  (reify Protocol (method [this args*] body)* ...
         clojure.lang.ILookup (valAt [this k] ...) (valAt [this k not-found] ...)
         Object (toString [this] ...))
  The method bodies close over the surrounding locals. Clojure's interfaces that core
  functions call (ILookup, Counted, Seqable, IFn, IDeref, ...: docs/design/polymorphism.md)
  make the object work with them."
  [& specs]
  (let [groups (-impl-groups specs)
        [names methods] (-iface-args "reify" [] (remove (fn [g] (-protocol-head? (first g))) groups))]
    (list* 'clojure.core/-reify nil names methods
           (mapcat (fn [g] (list (first g) (-method-map "reify" [] (second g))))
                   (filter (fn [g] (-protocol-head? (first g))) groups)))))
