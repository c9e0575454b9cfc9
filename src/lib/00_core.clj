;; 00_core.clj: the first part of clojure.core written in Clove: the macros every
;; program needs (defmacro, defn, fn, let, loop, when, cond, and, or, ->, ...).
;; Loaded into clojure.core at VM start, in file-name order, after the natives.
;; Only special forms and natives may be used before they are defined below.

(def ^:dynamic *print-length* nil)
(def ^:dynamic *print-level* nil)
(def ^:dynamic *print-meta* false)
(def ^:dynamic *print-namespace-maps* false)
(def ^:dynamic *print-readably* true)
(def ^:dynamic *assert* true)
(def ^:dynamic *file* nil)
;; Set by `clove run FILE ARGS...` before the program runs (defined here so that the
;; var is part of the core library the VM freezes, gc/heap.h).
(def ^{:dynamic true
       :doc "A sequence of the supplied command line arguments, or nil if none were supplied"}
  *command-line-args* nil)
;; Flags JVM Clojure's compiler reads. Clove accepts and keeps them (files commonly start
;; with (set! *warn-on-reflection* true)); they change nothing here. Loading a file or a
;; string binds *warn-on-reflection*, *unchecked-math* and *data-readers*, as Clojure's
;; load does, so such a set! stays within the file.
(def ^:dynamic *warn-on-reflection* false)
(def ^:dynamic *unchecked-math* false)
(def ^:dynamic *read-eval* true)
(def ^:dynamic *print-dup* false)
(def ^:dynamic *flush-on-newline* true)
(def ^:dynamic *compile-files* false)
(def ^:dynamic *verbose-defrecords* false)
(def ^:dynamic *clojure-version* {:major 1 :minor 11 :incremental 1 :qualifier nil})
;; The REPL's recent values and last exception (clove repl sets them, as clojure.main's).
(def ^:dynamic *1 nil)
(def ^:dynamic *2 nil)
(def ^:dynamic *3 nil)
(def ^:dynamic *e nil)

(def defmacro
  (fn* defmacro [&form &env name & args]
    (let* [doc (if (string? (first args)) (first args) nil)
           args (if doc (next args) args)
           attrs (if (map? (first args)) (first args) nil)
           args (if attrs (next args) args)
           arities (if (vector? (first args)) (list args) args)
           firsts (fn* firsts [xs acc] (if xs (firsts (next xs) (conj acc (first (first xs)))) (seq acc)))
           m (conj (if (meta name) (meta name) {})
                   {:arglists (list 'quote (firsts arities [])) :macro true}
                   (if attrs attrs {}))
           m (if doc (assoc m :doc doc) m)
           add-env (fn* add-env [arities acc]
                     (if arities
                       (let* [arity (first arities)]
                         (add-env (next arities)
                                  (conj acc (cons (vec (cons '&form (cons '&env (first arity))))
                                                  (rest arity)))))
                       (seq acc)))]
      (list 'do
            (list 'def (with-meta name m) (cons 'fn* (cons name (add-env arities []))))
            (list 'clojure.core/set-macro! (list 'var name))
            (list 'var name)))))
(set-macro! (var defmacro))

(defmacro comment
  "Ignores body, yields nil."
  [& body] nil)

(defmacro fn
  "(fn name? [params*] exprs*) or (fn name? ([params*] exprs*) +): defines a function."
  [& sigs]
  (cons 'fn* sigs))

(def second (fn* second [x] (first (next x))))
(def ffirst (fn* ffirst [x] (first (first x))))
(def nnext (fn* nnext [x] (next (next x))))
(def fnext (fn* fnext [x] (first (next x))))
(def nfirst (fn* nfirst [x] (next (first x))))
(def identity (fn* identity [x] x))

(defmacro defn
  "(defn name doc-string? attr-map? [params*] body) or with several ([params*] body) arities:
  same as (def name (fn [params*] body))."
  [name & fdecl]
  (let* [doc (if (string? (first fdecl)) (first fdecl) nil)
         fdecl (if doc (next fdecl) fdecl)
         attrs (if (map? (first fdecl)) (first fdecl) nil)
         fdecl (if attrs (next fdecl) fdecl)
         m (if doc (assoc (if attrs attrs {}) :doc doc) (if attrs attrs {}))
         sigs (if (vector? (first fdecl)) (list (first fdecl))
                  ((fn* firsts [xs acc] (if xs (firsts (next xs) (conj acc (first (first xs)))) (seq acc)))
                   fdecl []))
         m (assoc m :arglists (list 'quote sigs))
         name (with-meta name (if (meta name) (conj (meta name) m) m))]
    (list 'def name (cons 'clojure.core/fn fdecl))))

(def list* (fn* list*
             ([args] (seq args))
             ([a args] (cons a args))
             ([a b args] (cons a (cons b args)))
             ([a b c args] (cons a (cons b (cons c args))))
             ([a b c d & more]
              (cons a (cons b (cons c (cons d (apply list* more))))))))

(defmacro defn-
  "Same as defn, yielding a non-public def."
  [name & decls]
  (list* 'clojure.core/defn (with-meta name (assoc (if (meta name) (meta name) {}) :private true)) decls))

(defmacro let
  "binding => binding-form init-expr. Evaluates the exprs in a lexical context in which
  the symbols in the binding-forms are bound to their respective init-exprs."
  [bindings & body]
  (list* 'let* bindings body))

(defmacro loop
  "Evaluates the exprs in a lexical context with the bindings, and a recursion point at
  the top of the loop."
  [bindings & body]
  (list* 'loop* bindings body))

(defmacro when
  "Evaluates test. If logical true, evaluates body in an implicit do."
  [test & body]
  (list 'if test (cons 'do body)))

(defmacro when-not
  "Evaluates test. If logical false, evaluates body in an implicit do."
  [test & body]
  (list 'if test nil (cons 'do body)))

(defmacro if-not
  "Evaluates test. If logical false, evaluates and returns then expr, otherwise else expr."
  ([test then] (list 'if test nil then))
  ([test then else] (list 'if test else then)))

(defmacro cond
  "Takes a set of test/expr pairs. It evaluates each test one at a time. If a test
  returns logical true, cond evaluates and returns the value of the corresponding expr."
  [& clauses]
  (when clauses
    (list 'if (first clauses)
          (if (next clauses)
            (second clauses)
            (throw (IllegalArgumentException. "cond requires an even number of forms")))
          (cons 'clojure.core/cond (next (next clauses))))))

(defmacro and
  "Evaluates exprs one at a time, from left to right. If a form returns logical false
  (nil or false), and returns that value and doesn't evaluate any of the other
  expressions, otherwise it returns the value of the last expr. (and) returns true."
  ([] true)
  ([x] x)
  ([x & more] `(let* [and# ~x] (if and# (and ~@more) and#))))

(defmacro or
  "Evaluates exprs one at a time, from left to right. If a form returns a logical true
  value, or returns that value and doesn't evaluate any of the other expressions,
  otherwise it returns the value of the last expression. (or) returns nil."
  ([] nil)
  ([x] x)
  ([x & more] `(let* [or# ~x] (if or# or# (or ~@more)))))

(defmacro declare
  "defs the supplied var names with no bindings, useful for making forward declarations."
  [& names]
  (cons 'do (seq (loop* [ns names acc []]
                   (if ns (recur (next ns) (conj acc (list 'def (first ns)))) acc)))))

(defmacro ->
  "Threads the expr through the forms. Inserts x as the second item in the first form,
  making a list of it if it is not a list already."
  [x & forms]
  (loop* [x x forms forms]
    (if forms
      (let* [form (first forms)
             threaded (if (seq? form)
                        (with-meta (list* (first form) x (next form)) (meta form))
                        (list form x))]
        (recur threaded (next forms)))
      x)))

(defmacro ->>
  "Threads the expr through the forms. Inserts x as the last item in the first form."
  [x & forms]
  (loop* [x x forms forms]
    (if forms
      (let* [form (first forms)
             threaded (if (seq? form)
                        (with-meta (concat form (list x)) (meta form))
                        (list form x))]
        (recur threaded (next forms)))
      x)))

(defmacro if-let
  "bindings => binding-form test. If test is true, evaluates then with binding-form
  bound to the value of test, if not, yields else."
  ([bindings then] `(if-let ~bindings ~then nil))
  ([bindings then else]
   (let* [form (first bindings) tst (second bindings)]
     `(let* [temp# ~tst]
        (if temp# (let* [~form temp#] ~then) ~else)))))

(defmacro when-let
  "bindings => binding-form test. When test is true, evaluates body with binding-form
  bound to the value of test."
  [bindings & body]
  (let* [form (first bindings) tst (second bindings)]
    `(let* [temp# ~tst]
       (when temp# (let* [~form temp#] ~@body)))))

(defmacro while
  "Repeatedly executes body while test expression is true."
  [test & body]
  `(loop* [] (when ~test ~@body (recur))))

(defmacro dotimes
  "bindings => name n. Repeatedly executes body with name bound to integers from 0
  through n-1."
  [bindings & body]
  (let* [i (first bindings) n (second bindings)]
    `(let* [n# ~n]
       (loop* [~i 0]
         (when (< ~i n#) ~@body (recur (inc ~i)))))))

(defmacro with-out-str
  "Evaluates exprs in a context in which *out* is bound to a fresh string buffer.
  Returns the string created by any nested printing calls."
  [& body]
  `(let [s# (java.io.StringWriter.)]
     (binding [*out* s#]
       ~@body
       (str s#))))

(defn not-empty
  "If coll is empty, returns nil, else coll."
  [coll] (when (seq coll) coll))

(defn last
  "Return the last item in coll, in linear time."
  [s]
  (if (next s) (recur (next s)) (first s)))

(defn butlast
  "Return a seq of all but the last item in coll, in linear time."
  [s]
  (loop [ret [] s s]
    (if (next s) (recur (conj ret (first s)) (next s)) (seq ret))))

(defmacro binding
  "binding => var-symbol init-expr. Creates new bindings for the (already-existing,
  dynamic) vars, with the supplied initial values, executes the exprs in an implicit do,
  then re-establishes the bindings that existed before."
  [bindings & body]
  (let [pairs (loop [bs (seq bindings) acc []]
                (if bs
                  (recur (nnext bs) (conj (conj acc (list 'var (first bs))) (second bs)))
                  acc))]
    `(do (push-thread-bindings (hash-map ~@pairs))
         (try (do ~@body)
              (finally (pop-thread-bindings))))))
