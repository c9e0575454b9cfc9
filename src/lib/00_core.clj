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
       :doc "The arguments that followed the program on the command line, as a seq of
  strings; nil when there were none."}
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
  "Skips its body entirely, which is not even evaluated, and gives nil. Handy for
  keeping example code in a file."
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
  "Defines a function as defn does, but the var is private (^:private), so other
  namespaces cannot refer to it."
  [name & decls]
  (list* 'clojure.core/defn (with-meta name (assoc (if (meta name) (meta name) {}) :private true)) decls))

(defmacro let
  "bindings is a vector of name value pairs. Evaluates each value in turn, binding it to
  its name (later values can use earlier names), then evaluates body with those locals
  and gives the value of its last form."
  [bindings & body]
  (list* 'let* bindings body))

(defmacro loop
  "Like let, but also marks a point that recur jumps back to: (recur new-values...)
  rebinds the loop's names, in order, and runs body again without growing the stack."
  [bindings & body]
  (list* 'loop* bindings body))

(defmacro when
  "When test is truthy, evaluates the forms of body in order and gives the last value;
  otherwise gives nil without evaluating body."
  [test & body]
  (list 'if test (cons 'do body)))

(defmacro when-not
  "When test is false or nil, evaluates the forms of body in order and gives the last
  value; otherwise gives nil."
  [test & body]
  (list 'if test nil (cons 'do body)))

(defmacro if-not
  "The reverse of if: evaluates then when test is false or nil, else (nil when left out)
  when test is truthy."
  ([test then] (list 'if test nil then))
  ([test then else] (list 'if test else then)))

(defmacro cond
  "Goes through test/expr pairs in order and gives the value of the expr paired with the
  first truthy test; later tests are not evaluated. With no truthy test it gives nil.
  :else is the usual last test."
  [& clauses]
  (when clauses
    (list 'if (first clauses)
          (if (next clauses)
            (second clauses)
            (throw (IllegalArgumentException. "cond requires an even number of forms")))
          (cons 'clojure.core/cond (next (next clauses))))))

(defmacro and
  "Evaluates the forms left to right and stops at the first that is false or nil, giving
  that value; when all are truthy, gives the value of the last. (and) is true."
  ([] true)
  ([x] x)
  ([x & more] `(let* [and# ~x] (if and# (and ~@more) and#))))

(defmacro or
  "Evaluates the forms left to right and stops at the first truthy one, giving its
  value; when none is, gives the value of the last form. (or) is nil."
  ([] nil)
  ([x] x)
  ([x & more] `(let* [or# ~x] (if or# or# (or ~@more)))))

(defmacro declare
  "Creates each named var in the current namespace without a value, so that code above
  its real definition can refer to it."
  [& names]
  (cons 'do (seq (loop* [ns names acc []]
                   (if ns (recur (next ns) (conj acc (list 'def (first ns)))) acc)))))

(defmacro ->
  "Thread-first: places x as the first argument of the first form, that whole form as
  the first argument of the next, and so on. A bare symbol or keyword f in forms is
  treated as (f)."
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
  "Thread-last: places x as the last argument of the first form, that whole form as the
  last argument of the next, and so on. A bare symbol f in forms is treated as (f)."
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
  "bindings is a vector [binding-form test]. Evaluates test once; when its value is
  truthy, binds it to binding-form and evaluates then, otherwise evaluates else (nil
  when left out)."
  ([bindings then] `(if-let ~bindings ~then nil))
  ([bindings then else]
   (let* [form (first bindings) tst (second bindings)]
     `(let* [temp# ~tst]
        (if temp# (let* [~form temp#] ~then) ~else)))))

(defmacro when-let
  "bindings is a vector [binding-form test]. When the value of test is truthy, binds it
  to binding-form and evaluates body as do does; otherwise gives nil."
  [bindings & body]
  (let* [form (first bindings) tst (second bindings)]
    `(let* [temp# ~tst]
       (when temp# (let* [~form temp#] ~@body)))))

(defmacro while
  "Loop that evaluates test before each round and runs body for its side effects as long
  as test stays truthy. Returns nil."
  [test & body]
  `(loop* [] (when ~test ~@body (recur))))

(defmacro dotimes
  "bindings is a vector [i n]. Evaluates body n times, for its side effects, with i
  bound to 0, 1, ... up to n - 1. Returns nil."
  [bindings & body]
  (let* [i (first bindings) n (second bindings)]
    `(let* [n# ~n]
       (loop* [~i 0]
         (when (< ~i n#) ~@body (recur (inc ~i)))))))

(defmacro with-out-str
  "Evaluates body with *out* bound to a new string writer and gives back, as a string,
  everything body printed."
  [& body]
  `(let [s# (java.io.StringWriter.)]
     (binding [*out* s#]
       ~@body
       (str s#))))

(defn not-empty
  "Gives coll back when it has at least one item, and nil when it is empty (or nil)."
  [coll] (when (seq coll) coll))

(defn last
  "The final item of coll, found by walking its seq to the end, so linear even for
  vectors (peek is constant time there). nil for an empty coll."
  [s]
  (if (next s) (recur (next s)) (first s)))

(defn butlast
  "Seq of every item of coll except the final one, computed eagerly in linear time; nil
  when coll has one item or none."
  [s]
  (loop [ret [] s s]
    (if (next s) (recur (conj ret (first s)) (next s)) (seq ret))))

(defmacro binding
  "bindings pairs dynamic var names with values. Evaluates the values, gives the vars
  those values as thread bindings while body runs, and removes them afterwards, even
  when body throws. The vars must exist and be dynamic."
  [bindings & body]
  (let [pairs (loop [bs (seq bindings) acc []]
                (if bs
                  (recur (nnext bs) (conj (conj acc (list 'var (first bs))) (second bs)))
                  acc))]
    `(do (push-thread-bindings (hash-map ~@pairs))
         (try (do ~@body)
              (finally (pop-thread-bindings))))))
