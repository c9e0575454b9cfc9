;; 02_destructure.clj: destructuring (SPEC L4). Defines `destructure`, the binding-form
;; expander, and redefines let, loop, fn, defn and defmacro on top of it so that every
;; later lib file and every program gets destructuring. The expansion follows
;; Clojure's clojure.core/destructure: the same gensym names (vec__, seq__, first__,
;; map__, p__), nth with a nil default on sequential forms (so nthnext semantics on
;; seqs, strings and nil), and maps built from keyword-argument seqs as in Clojure 1.11
;; (a trailing map is merged in).

(defn- assert-args*
  "Throws IllegalArgumentException \"<macro> requires <what>\" unless ok; used by the
  binding macros to check their arguments at expansion time."
  [form ok what]
  (when-not ok
    (throw (IllegalArgumentException. (str (first form) " requires " what)))))

(defn- check-bindings
  "Checks a binding vector of macro call `form`: a vector with an even number of forms."
  [form bindings]
  (assert-args* form (vector? bindings) "a vector for its binding")
  (assert-args* form (even? (count bindings)) "an even number of forms in binding vector"))

(defn seq-to-map-for-destructuring
  "Turns the keyword-argument seq s of a map destructuring into a map: key/value pairs
  assoc'd in order; an odd trailing element (a map) is conj'd last, so its entries win,
  as Clojure 1.11's createAsIfByAssoc does."
  [s]
  (if (next s)
    (loop [m {} s (seq s)]
      (if s
        (if (next s)
          (recur (assoc m (first s) (second s)) (nnext s))
          (conj m (conj {} (first s))))
        m))
    (if (seq s) (first s) {})))

(declare destructure-binding)

(defn- destructure-seq
  "Appends to binding vector bvec the bindings of sequential form b (a vector) over
  value expression v: positional names via nth (or first/next once & appears), & rest
  and :as."
  [bvec b v]
  (let* [gvec (gensym "vec__")
         gseq (gensym "seq__")
         gfirst (gensym "first__")
         has-rest (some (fn* [x] (= x '&)) b)
         ret (conj bvec gvec v)
         ret (if has-rest (conj ret gseq (list 'clojure.core/seq gvec)) ret)]
    (loop* [ret ret n 0 bs (seq b) seen-rest? false]
      (if bs
        (let* [firstb (first bs)]
          (cond
            (= firstb '&)
            (recur (destructure-binding ret (second bs) gseq) n (nnext bs) true)

            (= firstb :as)
            (destructure-binding ret (second bs) gvec)

            seen-rest?
            (throw (IllegalArgumentException. "Unsupported binding form, only :as can follow & parameter"))

            :else
            (recur (destructure-binding
                     (if has-rest
                       (conj ret gfirst (list 'clojure.core/first gseq) gseq (list 'clojure.core/next gseq))
                       ret)
                     firstb
                     (if has-rest gfirst (list 'clojure.core/nth gvec n nil)))
                   (inc n) (next bs) seen-rest?)))
        ret))))

(defn- key-transforms
  "For a map binding form b: a map from each :keys/:strs/:syms entry (qualified ones
  like :a/keys included) to the fn turning one of its names into the lookup key."
  [b]
  (reduce (fn* [transforms mk]
            (if (keyword? mk)
              (let* [mkns (namespace mk) mkn (name mk)]
                (cond
                  (= mkn "keys") (assoc transforms mk (fn* [s] (keyword (or mkns (namespace s)) (name s))))
                  (= mkn "syms") (assoc transforms mk (fn* [s] (list 'quote (symbol (or mkns (namespace s)) (name s)))))
                  (= mkn "strs") (assoc transforms mk (fn* [s] (str s)))
                  :else transforms))
              transforms))
          {} (keys b)))

(defn- map-binding-entries
  "The map binding form b as a map of binding form -> lookup key, with the :keys,
  :strs and :syms groups expanded and :as/:or removed."
  [b]
  (reduce (fn* [bes entry]
            (let* [mk (key entry) f (val entry)]
              (reduce (fn* [bes s] (assoc bes s (f s)))
                      (dissoc bes mk)
                      (get bes mk))))
          (dissoc b :as :or)
          (key-transforms b)))

(defn- destructure-map
  "Appends to binding vector bvec the bindings of associative form b (a map) over
  value expression v: seqs become maps (keyword arguments), then :as, then every
  entry looked up with get, defaulting from :or."
  [bvec b v]
  (let* [gmap (gensym "map__")
         defaults (get b :or)
         ret (conj bvec gmap v gmap
                   (list 'if (list 'clojure.core/seq? gmap)
                         (list 'clojure.core/seq-to-map-for-destructuring gmap)
                         gmap))
         ret (if (get b :as) (conj ret (get b :as) gmap) ret)]
    (loop* [ret ret bes (seq (map-binding-entries b))]
      (if bes
        (let* [bb (key (first bes))
               bk (val (first bes))
               local (if (or (symbol? bb) (keyword? bb)) (with-meta (symbol nil (name bb)) (meta bb)) bb)
               bv (if (contains? defaults local)
                    (list 'clojure.core/get gmap bk (get defaults local))
                    (list 'clojure.core/get gmap bk))]
          (recur (if (or (symbol? bb) (keyword? bb))
                   (conj ret local bv)
                   (destructure-binding ret bb bv))
                 (next bes)))
        ret))))

(defn- destructure-binding
  "Appends to binding vector bvec the let* bindings that bind binding form b to the
  value of expression v. Throws IllegalArgumentException for unsupported forms."
  [bvec b v]
  (cond
    (symbol? b) (conj bvec b v)
    (vector? b) (destructure-seq bvec b v)
    (map? b) (destructure-map bvec b v)
    :else (throw (IllegalArgumentException. (str "Unsupported binding form: " b)))))

(defn destructure
  "Expands a binding vector [binding-form init-expr ...] whose binding forms may be
  vectors or maps into an equivalent vector of plain symbol bindings for let*."
  [bindings]
  (let* [bents (partition 2 bindings)]
    (if (every? (fn* [e] (symbol? (first e))) bents)
      bindings
      (reduce (fn* [bvec e] (destructure-binding bvec (first e) (second e))) [] bents))))

(defmacro let
  "Binds locals and evaluates body with them. bindings is a vector of binding-form value
  pairs, evaluated in order, so later values can use earlier names. A binding form is a
  symbol, or a vector or map destructuring form that takes the value apart and binds
  the pieces. Gives the value of the last form of body."
  [bindings & body]
  (check-bindings &form bindings)
  (list* 'let* (destructure bindings) body))

(defmacro loop
  "Like let, destructuring included, but also marks a point that recur jumps back to
  with new values for the bindings."
  [bindings & body]
  (check-bindings &form bindings)
  (let* [db (destructure bindings)]
    (if (= db bindings)
      (list* 'loop* bindings body)
      (let* [every-2nd (fn* every-2nd [s] (when s (cons (first s) (every-2nd (nnext s)))))
             bs (every-2nd (seq bindings))
             vs (every-2nd (next bindings))
             gs (map (fn* [b] (if (symbol? b) b (gensym))) bs)
             bfs (reduce (fn* [ret bvg]
                           (let* [b (first bvg) v (second bvg) g (nth bvg 2)]
                             (if (symbol? b)
                               (conj ret g v)
                               (conj ret g v b g))))
                         [] (map vector bs vs gs))]
        (list 'clojure.core/let bfs
              (list 'loop* (vec (interleave gs gs))
                    (list* 'clojure.core/let (vec (interleave bs gs)) body)))))))

(defmacro assert
  "Throws an AssertionError (with message, when given, in its text) when the expression
  x evaluates to false or nil; otherwise gives nil. When *assert* is false at
  macro-expansion time the check is left out altogether."
  ([x]
   (when *assert*
     `(when-not ~x
        (throw (AssertionError. (str "Assert failed: " (pr-str '~x)))))))
  ([x message]
   (when *assert*
     `(when-not ~x
        (throw (AssertionError. (str "Assert failed: " ~message "\n" (pr-str '~x))))))))

(defn- maybe-destructured
  "One fn arity [params body]: destructuring params are replaced by p__ gensyms and
  bound by a let around the body. Returns (params' body')."
  [params body]
  (if (every? symbol? params)
    (cons params body)
    (loop* [params (seq params) new-params (with-meta [] (meta params)) lets []]
      (if params
        (if (symbol? (first params))
          (recur (next params) (conj new-params (first params)) lets)
          (let* [gparam (gensym "p__")]
            (recur (next params) (conj new-params gparam) (conj lets (first params) gparam))))
        (list new-params (list* 'clojure.core/let lets body))))))

(defn- fn-arity
  "Rewrites one fn signature (params body...): :pre/:post conditions become asserts
  and destructuring params become a let."
  [sig]
  (when-not (seq? sig)
    (throw (IllegalArgumentException. (str "Invalid signature " sig " should be a list"))))
  (let* [params (first sig)
         body (next sig)
         _ (when-not (vector? params)
             (throw (IllegalArgumentException. (str "Parameter declaration " params " should be a vector"))))
         conds (when (and (next body) (map? (first body))) (first body))
         body (if conds (next body) body)
         conds (or conds (meta params))
         pre (get conds :pre)
         post (get conds :post)
         body (if post
                (list (list* 'clojure.core/let ['% (if (next body) (cons 'do body) (first body))]
                             (concat (map (fn* [c] (list 'clojure.core/assert c)) post) (list '%))))
                body)
         body (if pre
                (concat (map (fn* [c] (list 'clojure.core/assert c)) pre) body)
                body)]
    (maybe-destructured params body)))

(defmacro fn
  "Makes a function: (fn name? [params*] body) or, with several arities, (fn name?
  ([params*] body)+). Parameters may be destructuring forms, and & param gathers the
  remaining arguments as a seq. The optional name lets the body call the function
  itself. A map with :pre and/or :post vectors of conditions before the body turns them
  into assertions (% in :post is the result)."
  [& sigs]
  (let* [name (if (symbol? (first sigs)) (first sigs) nil)
         sigs (if name (next sigs) sigs)
         sigs (if (vector? (first sigs))
                (list sigs)
                (if (seq? (first sigs))
                  sigs
                  (throw (IllegalArgumentException.
                           (if (seq sigs)
                             (str "Parameter declaration " (first sigs) " should be a vector")
                             "Parameter declaration missing")))))
         new-sigs (doall (map fn-arity sigs))]
    (if name
      (list* 'fn* name new-sigs)
      (cons 'fn* new-sigs))))

(defmacro defn
  "Defines name as a function, as (def name (fn ...)) would: after the name come an
  optional docstring and attribute map, then one [params] body, or several ([params]
  body) arities. The docstring, attributes and arglists go into the var's metadata."
  {:arglists '([name doc-string? attr-map? [params*] prepost-map? body]
               [name doc-string? attr-map? ([params*] prepost-map? body) + attr-map?])}
  [name & fdecl]
  (when-not (symbol? name)
    (throw (IllegalArgumentException. "First argument to defn must be a symbol")))
  (let* [m (if (string? (first fdecl)) {:doc (first fdecl)} {})
         fdecl (if (string? (first fdecl)) (next fdecl) fdecl)
         m (if (map? (first fdecl)) (conj m (first fdecl)) m)
         fdecl (if (map? (first fdecl)) (next fdecl) fdecl)
         fdecl (if (vector? (first fdecl)) (list fdecl) fdecl)
         m (if (map? (last fdecl)) (conj m (last fdecl)) m)
         fdecl (if (map? (last fdecl)) (butlast fdecl) fdecl)
         m (conj {:arglists (list 'quote (apply list (map first fdecl)))} m)
         m (conj (if (meta name) (meta name) {}) m)]
    (list 'def (with-meta name m) (cons 'clojure.core/fn fdecl))))

(defmacro defmacro
  "Defines name as a macro: a function, written as with defn, that the compiler calls on
  the unevaluated argument forms of each call, evaluating the form it returns in place
  of the call. &form and &env are available in its body."
  [name & args]
  (let* [doc (if (string? (first args)) (first args) nil)
         args (if doc (next args) args)
         attrs (if (map? (first args)) (first args) nil)
         args (if attrs (next args) args)
         arities (if (vector? (first args)) (list args) args)
         arities (if (map? (last arities)) (butlast arities) arities)
         m (conj (if (meta name) (meta name) {})
                 (if doc {:doc doc} {})
                 {:arglists (list 'quote (apply list (map first arities))) :macro true}
                 (if attrs attrs {}))
         add-env (fn* [arity] (cons (vec (list* '&form '&env (first arity))) (rest arity)))]
    (list 'do
          (list 'def (with-meta name m) (list* 'clojure.core/fn name (map add-env arities)))
          (list 'clojure.core/set-macro! (list 'var name))
          (list 'var name))))
