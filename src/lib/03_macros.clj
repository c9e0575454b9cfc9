;; 03_macros.clj: the core macros of clojure.core (SPEC L3), written over the
;; destructuring let/loop/fn of 02_destructure.clj: conditionals (if-let when-let
;; if-some when-some when-first condp case), threading (as-> some-> some->> cond->
;; cond->>), doto, comprehensions (for doseq), letfn, defonce, time, with-redefs,
;; lazy-cat and delay. Expansions follow Clojure's, except that for and doseq walk
;; seqs one element at a time (Clove has no chunked seqs).
;;
;; Macro bodies here run at expansion time, possibly while later lib files load, so
;; they only use what 00-02 define; expansions may call anything in clojure.core.

(defn- check-binding-pair
  "Checks the binding vector of a one-binding macro (if-let, when-first, ...) in call
  `form`: a vector of exactly 2 forms."
  [form bindings]
  (assert-args* form (vector? bindings) "a vector for its binding")
  (assert-args* form (= 2 (count bindings)) "exactly 2 forms in binding vector"))

(defmacro if-let
  "bindings is a vector [binding-form test]. Evaluates test once; when its value is
  truthy, binds it to binding-form (which may destructure) and evaluates then,
  otherwise evaluates else (nil when left out), where the binding is not visible."
  ([bindings then] `(if-let ~bindings ~then nil))
  ([bindings then else & oldform]
   (check-binding-pair &form bindings)
   (assert-args* &form (nil? oldform) "1 or 2 forms after binding vector")
   (let [[form tst] bindings]
     `(let [temp# ~tst]
        (if temp#
          (let [~form temp#] ~then)
          ~else)))))

(defmacro when-let
  "bindings is a vector [binding-form test]. When the value of test is truthy, binds it
  to binding-form and evaluates body as do does; otherwise gives nil."
  [bindings & body]
  (check-binding-pair &form bindings)
  (let [[form tst] bindings]
    `(let [temp# ~tst]
       (when temp#
         (let [~form temp#] ~@body)))))

(defmacro if-some
  "Like if-let, but the then branch is taken whenever the value of test is not nil, so
  false also counts as a value. bindings is a vector [binding-form test]."
  ([bindings then] `(if-some ~bindings ~then nil))
  ([bindings then else & oldform]
   (check-binding-pair &form bindings)
   (assert-args* &form (nil? oldform) "1 or 2 forms after binding vector")
   (let [[form tst] bindings]
     `(let [temp# ~tst]
        (if (nil? temp#)
          ~else
          (let [~form temp#] ~then))))))

(defmacro when-some
  "Like when-let, but body runs whenever the value of test is not nil, false included.
  bindings is a vector [binding-form test]."
  [bindings & body]
  (check-binding-pair &form bindings)
  (let [[form tst] bindings]
    `(let [temp# ~tst]
       (if (nil? temp#)
         nil
         (let [~form temp#] ~@body)))))

(defmacro when-first
  "bindings is a vector [x coll]. When coll has at least one item, binds x to its first
  item and evaluates body; otherwise gives nil. coll is evaluated only once."
  [bindings & body]
  (check-binding-pair &form bindings)
  (let [[x xs] bindings]
    `(when-let [xs# (seq ~xs)]
       (let [~x (first xs#)] ~@body))))

(defmacro condp
  "Picks a clause by testing (pred test-expr expr) for each clause in turn. A clause is
  either test-expr result-expr, whose result-expr is the value when the test is truthy,
  or test-expr :>> result-fn, where result-fn is called with the truthy value of the
  test. A lone last form is the default value. With no matching clause and no default
  it throws IllegalArgumentException."
  [pred expr & clauses]
  (let [gpred (gensym "pred__")
        gexpr (gensym "expr__")
        emit (fn emit [args]
               (let [n (if (= :>> (second args)) 3 2)
                     clause (seq (take n args))
                     more (drop n args)
                     [a b c] clause]
                 (case* (count clause) nil
                   [0 `(throw (IllegalArgumentException. (str "No matching clause: " ~gexpr)))
                    1 a
                    2 `(if (~gpred ~a ~gexpr) ~b ~(emit more))
                    3 `(if-let [p# (~gpred ~a ~gexpr)] (~c p#) ~(emit more))])))]
    `(let [~gpred ~pred
           ~gexpr ~expr]
       ~(emit clauses))))

(defn- case-pairs
  "The flat [test then ...] vector for case* from case clauses (without the default):
  a list of tests shares one then (the identical form, so it is compiled once).
  IllegalArgumentException on a duplicate test constant."
  [clauses]
  (loop [cs (seq clauses) seen #{} out []]
    (if cs
      (let [test (first cs)
            then (second cs)
            tests (if (seq? test) test (list test))
            [seen out] (reduce (fn [[seen out] t]
                                 (when (contains? seen t)
                                   (throw (IllegalArgumentException. (str "Duplicate case test constant: " t))))
                                 [(conj seen t) (conj out t then)])
                               [seen out] tests)]
        (recur (nnext cs) seen out))
      out)))

(defmacro case
  "Compares the value of e with the constants of each clause and evaluates the matching
  result-expr. A clause is a constant and an expression, or a list of constants sharing
  one expression; constants are literals, are not evaluated, and need no quoting (match
  a list value with a vector constant). Selection is a constant-time lookup, not a test
  of clause after clause. A lone last form is the default; with no match and no default
  it throws IllegalArgumentException, and a constant given twice is a compile-time
  IllegalArgumentException."
  [e & clauses]
  (let [ge (gensym "case__")
        n (count clauses)
        default (if (odd? n)
                  (last clauses)
                  `(throw (IllegalArgumentException. (str "No matching clause: " ~ge))))
        pairs (case-pairs (if (odd? n) (butlast clauses) clauses))]
    `(let* [~ge ~e]
       (case* ~ge ~default ~pairs))))

(defn- threading-steps
  "The let* bindings [g step1 g step2 ...] and the final step of a threading macro
  whose steps (exprs over gensym g) are `steps`."
  [g init steps]
  `(let* [~g ~init
          ~@(interleave (repeat g) (butlast steps))]
     ~(if (seq steps) (last steps) g)))

(defmacro as->
  "Threads a value through forms by name: name is bound to expr, then to the value of
  the first form (which may use name anywhere in it), then to the value of the next
  form, and so on; the value of the last form is the result."
  [expr name & forms]
  `(let [~name ~expr
         ~@(interleave (repeat name) (butlast forms))]
     ~(if (seq forms) (last forms) name)))

(defmacro some->
  "Threads expr through forms as -> does, but stops and gives nil as soon as expr or any
  intermediate result is nil."
  [expr & forms]
  (let [g (gensym)]
    (threading-steps g expr (map (fn [step] `(if (nil? ~g) nil (-> ~g ~step))) forms))))

(defmacro some->>
  "Threads expr through forms as ->> does (into the last argument position), but stops
  and gives nil as soon as expr or any intermediate result is nil."
  [expr & forms]
  (let [g (gensym)]
    (threading-steps g expr (map (fn [step] `(if (nil? ~g) nil (->> ~g ~step))) forms))))

(defmacro cond->
  "Threads expr through the forms of test/form pairs, as -> does, taking only the forms
  whose test is truthy. Every test is checked, not just up to the first truthy one;
  tests do not see the threaded value."
  [expr & clauses]
  (assert (even? (count clauses)))
  (let [g (gensym)]
    (threading-steps g expr (map (fn [[test step]] `(if ~test (-> ~g ~step) ~g)) (partition 2 clauses)))))

(defmacro cond->>
  "Threads expr through the forms of test/form pairs, as ->> does, taking only the forms
  whose test is truthy. Every test is checked, not just up to the first truthy one;
  tests do not see the threaded value."
  [expr & clauses]
  (assert (even? (count clauses)))
  (let [g (gensym)]
    (threading-steps g expr (map (fn [[test step]] `(if ~test (->> ~g ~step) ~g)) (partition 2 clauses)))))

(defmacro doto
  "Evaluates x once, then evaluates each form with that value inserted as its first
  argument, in order, for side effects, and gives back the value of x: (doto
  (java.util.HashMap.) (.put \"a\" 1))."
  [x & forms]
  (let [gx (gensym)]
    `(let [~gx ~x]
       ~@(map (fn [f]
                (if (seq? f)
                  `(~(first f) ~gx ~@(next f))
                  `(~f ~gx)))
              forms)
       ~gx)))

(defmacro ..
  "Chains member accesses: (.. x m1 (m2 args)) calls m1 on x, then m2 with args on that
  result, and so on; (.. \"abc\" toUpperCase (substring 1)) is (. (. \"abc\"
  toUpperCase) (substring 1)). Clove's Java members are listed in docs/differences.md."
  ([x form] `(. ~x ~form))
  ([x form & more] `(.. (. ~x ~form) ~@more)))

(defmacro memfn
  "Makes a function from the instance method name: its first argument is the target
  object and the rest are passed to the method, so (memfn m a) is (fn [obj a] (. obj (m
  a))). Handy for passing a Java method where a function is needed: (map (memfn
  toUpperCase) [\"a\" \"b\"])."
  [name & args]
  (let [t (gensym "target")]
    `(fn [~t ~@args] (. ~t (~name ~@args)))))

(defn- seq-exprs-groups
  "Splits the binding vector of for into groups [bind expr [k v] ...]: each binding
  with the modifiers (:let :when :while) that follow it."
  [seq-exprs]
  (loop [pairs (partition 2 seq-exprs) groups []]
    (if-let [[k v] (first pairs)]
      (recur (rest pairs)
             (if (keyword? k)
               (assoc groups (dec (count groups)) (conj (peek groups) [k v]))
               (conj groups [k v])))
      groups)))

(defn- -modified-form
  "Wraps `inner` in the modifiers of a for or doseq binding, given as [k v] pairs in
  order: :let v binds around the rest, :when v gives `skip` when v is falsy, :while v
  gives `stop`. Any other keyword is an IllegalArgumentException naming `macro`."
  [macro mods inner skip stop]
  (reduce (fn [form [k v]]
            (case k
              :let `(let ~v ~form)
              :when `(if ~v ~form ~skip)
              :while `(if ~v ~form ~stop)
              (throw (IllegalArgumentException. (str "Invalid '" macro "' keyword " k)))))
          inner
          (reverse mods)))

(defmacro for
  "Builds a lazy seq from nested iteration. seq-exprs is a vector of binding-form
  coll-expr pairs; the rightmost binding varies fastest, and each coll-expr can use the
  bindings to its left. After a pair may come :let [bindings], :when test (skip this
  combination) and :while test (stop the innermost loop it follows). body-expr is
  evaluated for every surviving combination. An unknown keyword throws
  IllegalArgumentException."
  [seq-exprs body-expr]
  (check-bindings &form seq-exprs)
  ;; Each binding group becomes a function from a seq to the lazy seq of results for
  ;; its items: an outer group concatenates what the next group makes for each of its
  ;; items (skipping empty ones in a loop), the innermost conses body-expr values, a
  ;; chunk at a time when its seq is chunked (so chunked input is realized as in
  ;; Clojure).
  (let [level
        (fn level [[[bind coll-expr & mods] & deeper]]
          (let [walk (gensym "walk__") s (gensym "s__")
                one (fn [ok skip] `(let [~bind (first ~s)] ~(-modified-form "for" mods ok skip nil)))]
            (if deeper
              (let [inner (gensym "inner__")]
                `(fn ~walk [~s]
                   (lazy-seq
                     (loop [~s (seq ~s)]
                       (when ~s
                         ~(one `(let [~inner (seq (~(level deeper) ~(second (first deeper))))]
                                  (if ~inner (concat ~inner (~walk (rest ~s))) (recur (next ~s))))
                               `(recur (next ~s))))))))
              (let [c (gensym "chunk__") n (gensym "n__") buf (gensym "buf__") i (gensym "i__")
                    done (gensym "done__")]
                `(fn ~walk [~s]
                   (lazy-seq
                     (loop [~s (seq ~s)]
                       (when ~s
                         (if (chunked-seq? ~s)
                           (let [~c (chunk-first ~s)
                                 ~n (count ~c)
                                 ~buf (chunk-buffer ~n)
                                 ~done (loop [~i 0]
                                         (if (< ~i ~n)
                                           (let [~bind (nth ~c ~i)]
                                             ~(-modified-form "for" mods
                                                              `(do (chunk-append ~buf ~body-expr) (recur (inc ~i)))
                                                              `(recur (inc ~i))
                                                              false))
                                           true))]
                             (chunk-cons (chunk ~buf) (when ~done (~walk (chunk-rest ~s)))))
                           ~(one `(cons ~body-expr (~walk (rest ~s)))
                                 `(recur (next ~s))))))))))))]
    `(~(level (seq-exprs-groups seq-exprs)) ~(second seq-exprs))))

(defmacro doseq
  "Runs body for its side effects once for each combination of bindings, with the same
  binding vector, nesting and :let, :when and :while modifiers as for. Walks the seqs
  without holding their heads and returns nil."
  [seq-exprs & body]
  (check-bindings &form seq-exprs)
  ;; Each binding is a loop over its seq (a chunk at a time when chunked) whose body
  ;; form yields whether to go on: the user's body and a skipped :when yield true, a
  ;; failed :while false, and an inner loop true once it has finished.
  (let [level
        (fn level [[[bind coll-expr & mods] & deeper]]
          (let [s (gensym "s__") c (gensym "chunk__") n (gensym "n__") i (gensym "i__")
                go (gensym "go__")
                inner (-modified-form "doseq" mods
                                      (if deeper (level deeper) `(do ~@body true))
                                      true false)]
            `(loop [~s (seq ~coll-expr)]
               (if ~s
                 (if (chunked-seq? ~s)
                   (let [~c (chunk-first ~s)
                         ~n (count ~c)
                         ~go (loop [~i 0]
                               (if (< ~i ~n)
                                 (let [~bind (nth ~c ~i)]
                                   (if ~inner (recur (inc ~i)) false))
                                 true))]
                     (if ~go (recur (seq (chunk-rest ~s))) true))
                   (let [~bind (first ~s)]
                     (if ~inner (recur (next ~s)) true)))
                 true))))]
    `(do ~(level (seq-exprs-groups seq-exprs)) nil)))

(defmacro letfn
  "Binds local functions that may call each other and themselves. fnspecs is a vector of
  (name [params] body...) or (name ([params] body...)+) forms; each name is visible in
  every function of the vector and in body."
  [fnspecs & body]
  (assert-args* &form (vector? fnspecs) "a vector for its binding")
  `(letfn* ~(vec (interleave (map first fnspecs)
                             (map (fn [spec] (macroexpand-1 (cons 'clojure.core/fn spec))) fnspecs)))
           ~@body))

(defn bound?
  "True when every var given has a value, either a root binding or a thread binding, so
  that dereferencing it will not fail. True when no var is given."
  [& vars]
  ;; An unbound var (no root, no binding here) reads as a clojure.lang.Var$Unbound.
  (every? (fn [v] (not (instance? clojure.lang.Var$Unbound (var-get v)))) vars))

(defmacro defonce
  "Defines name with the value of expr only if the var has no root value yet; otherwise
  leaves the var as it is and does not evaluate expr. Useful for state that should
  survive reloading a file."
  [name expr]
  `(let [v# (def ~name)]
     (when-not (bound? v#)
       (def ~name ~expr))))

(defmacro time
  "Evaluates expr, prints how long that took in milliseconds (\"Elapsed time: ...
  msecs\"), and returns the value of expr."
  [expr]
  `(let [start# (System/nanoTime)
         ret# ~expr]
     (prn (str "Elapsed time: " (/ (double (- (System/nanoTime) start#)) 1000000.0) " msecs"))
     ret#))

(defn with-redefs-fn
  "Calls func with no arguments while the root values of some vars are replaced:
  binding-map maps each var to its temporary value. The old roots come back when func
  returns or throws. The change is global, not per thread, which makes it useful for
  stubbing functions in tests."
  [binding-map func]
  (let [root-bind (fn [m] (doseq [[a-var a-val] m] (alter-var-root a-var (fn [_] a-val))))
        old-vals (reduce (fn [m v] (assoc m v (alter-var-root v identity))) {} (keys binding-map))]
    (try
      (root-bind binding-map)
      (func)
      (finally
        (root-bind old-vals)))))

(defmacro with-redefs
  "Evaluates body with the root values of some vars temporarily replaced. bindings pairs
  var symbols with expressions; all expressions are evaluated first, then the roots are
  swapped, and the old ones are put back when body ends or throws. The change is
  global, not per thread; useful for stubbing functions in tests."
  [bindings & body]
  (check-bindings &form bindings)
  `(with-redefs-fn ~(loop [bs (seq bindings) m {}]
                      (if bs
                        (recur (nnext bs) (assoc m (list 'var (first bs)) (second bs)))
                        m))
     (fn [] ~@body)))

(defmacro lazy-cat
  "Lazy concatenation of colls in which each coll expression is evaluated only once the
  items before it have been used up: (lazy-cat a b) is (concat (lazy-seq a) (lazy-seq
  b))."
  [& colls]
  `(concat ~@(map (fn [c] `(lazy-seq ~c)) colls)))

(defmacro delay
  "Wraps body in a delay: a reference whose body runs only when first forced with force,
  deref or @, after which the value is kept and given back on every later force.
  realized? tells whether it has run."
  [& body]
  (list 'clojure.core/-make-delay (list* 'fn* [] body)))
