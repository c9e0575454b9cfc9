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
  "bindings => binding-form test

  If test is true, evaluates then with binding-form bound to the value of test, if
  not, yields else."
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
  "bindings => binding-form test

  When test is true, evaluates body with binding-form bound to the value of test."
  [bindings & body]
  (check-binding-pair &form bindings)
  (let [[form tst] bindings]
    `(let [temp# ~tst]
       (when temp#
         (let [~form temp#] ~@body)))))

(defmacro if-some
  "bindings => binding-form test

  If test is not nil, evaluates then with binding-form bound to the value of test, if
  not, yields else."
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
  "bindings => binding-form test

  When test is not nil, evaluates body with binding-form bound to the value of test."
  [bindings & body]
  (check-binding-pair &form bindings)
  (let [[form tst] bindings]
    `(let [temp# ~tst]
       (if (nil? temp#)
         nil
         (let [~form temp#] ~@body)))))

(defmacro when-first
  "bindings => x xs

  Roughly the same as (when (seq xs) (let [x (first xs)] body)) but xs is evaluated
  only once."
  [bindings & body]
  (check-binding-pair &form bindings)
  (let [[x xs] bindings]
    `(when-let [xs# (seq ~xs)]
       (let [~x (first xs#)] ~@body))))

(defmacro condp
  "Takes a binary predicate, an expression, and a set of clauses. Each clause can take
  the form of either:

  test-expr result-expr

  test-expr :>> result-fn

  For each clause, (pred test-expr expr) is evaluated. If it returns logical true, the
  clause is a match. If a binary clause matches, the result-expr is returned, if a
  ternary clause matches, its result-fn, which must be a unary function, is called
  with the result of the predicate as its argument. A single default expression can
  follow the clauses, and its value will be returned if no clause matches. If no
  default expression is provided and no clause matches, an IllegalArgumentException
  is thrown."
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
  "Takes an expression, and a set of clauses. Each clause can take the form of either:

  test-constant result-expr

  (test-constant1 ... test-constantN)  result-expr

  The test-constants are not evaluated. They must be compile-time literals, and need
  not be quoted. If the expression is equal to a test-constant, the corresponding
  result-expr is returned. A single default expression can follow the clauses, and its
  value will be returned if no clause matches. If no default expression is provided
  and no clause matches, an IllegalArgumentException is thrown.

  Unlike cond and condp, case does a constant-time dispatch, the clauses are not
  considered sequentially. Lists group several constants that map to the same
  expression; a vector can be used to match a list."
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
  "Binds name to expr, evaluates the first form in the lexical context of that binding,
  then binds name to that result, repeating for each successive form, returning the
  result of the last form."
  [expr name & forms]
  `(let [~name ~expr
         ~@(interleave (repeat name) (butlast forms))]
     ~(if (seq forms) (last forms) name)))

(defmacro some->
  "When expr is not nil, threads it into the first form (via ->), and when that result
  is not nil, through the next etc."
  [expr & forms]
  (let [g (gensym)]
    (threading-steps g expr (map (fn [step] `(if (nil? ~g) nil (-> ~g ~step))) forms))))

(defmacro some->>
  "When expr is not nil, threads it into the first form (via ->>), and when that
  result is not nil, through the next etc."
  [expr & forms]
  (let [g (gensym)]
    (threading-steps g expr (map (fn [step] `(if (nil? ~g) nil (->> ~g ~step))) forms))))

(defmacro cond->
  "Takes an expression and a set of test/form pairs. Threads expr (via ->) through
  each form for which the corresponding test expression is true. Note that, unlike
  cond branching, cond-> threading does not short circuit after the first true test
  expression."
  [expr & clauses]
  (assert (even? (count clauses)))
  (let [g (gensym)]
    (threading-steps g expr (map (fn [[test step]] `(if ~test (-> ~g ~step) ~g)) (partition 2 clauses)))))

(defmacro cond->>
  "Takes an expression and a set of test/form pairs. Threads expr (via ->>) through
  each form for which the corresponding test expression is true. Note that, unlike
  cond branching, cond->> threading does not short circuit after the first true test
  expression."
  [expr & clauses]
  (assert (even? (count clauses)))
  (let [g (gensym)]
    (threading-steps g expr (map (fn [[test step]] `(if ~test (->> ~g ~step) ~g)) (partition 2 clauses)))))

(defmacro doto
  "Evaluates x then calls all of the methods and functions with the value of x
  supplied at the front of the given arguments. The forms are evaluated in order.
  Returns x.

  (doto (atom 0) (swap! inc) (swap! + 10))"
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
  "form => fieldName-symbol or (instanceMethodName-symbol args*)

  Expands into a member access (.) of the first member on the first argument, followed
  by the next member on the result, etc. (.. \"abc\" toUpperCase (substring 1)) is
  (. (. \"abc\" toUpperCase) (substring 1)). Clove's Java members are listed in
  docs/differences.md."
  ([x form] `(. ~x ~form))
  ([x form & more] `(.. (. ~x ~form) ~@more)))

(defmacro memfn
  "Expands into code that creates a fn that expects to be passed an object and any args
  and calls the named instance method on the object passing the args. Use when you want
  to treat a Java method as a first-class fn: (map (memfn toUpperCase) [\"a\" \"b\"])."
  [name & args]
  (let [t (gensym "target")]
    `(fn [~t ~@args] (. ~t (~name ~@args)))))

(defn- seq-exprs-groups
  "Splits the binding vector of for into groups [bind expr [k v] ...]: each binding
  with the modifiers (:let :when :while) that follow it."
  [seq-exprs]
  (reduce (fn [groups [k v]]
            (if (keyword? k)
              (conj (pop groups) (conj (peek groups) [k v]))
              (conj groups [k v])))
          [] (partition 2 seq-exprs)))

(defmacro for
  "List comprehension. Takes a vector of one or more binding-form/collection-expr
  pairs, each followed by zero or more modifiers, and yields a lazy sequence of
  evaluations of expr. Collections are iterated in a nested fashion, rightmost
  fastest, and nested coll-exprs can refer to bindings created in prior
  binding-forms. Supported modifiers are: :let [binding-form expr ...], :while test,
  :when test.

  (take 100 (for [x (range 100000000) y (range 1000000) :while (< y x)] [x y]))"
  [seq-exprs body-expr]
  (check-bindings &form seq-exprs)
  (let [emit-bind
        (fn emit-bind [[[bind expr & mod-pairs] & [[_ next-expr] :as next-groups]]]
          (let [giter (gensym "iter__")
                gxs (gensym "s__")
                do-mod (fn do-mod [[[k v] & etc :as mods]]
                         (cond
                           (and (seq mods) (= k :let)) `(let ~v ~(do-mod etc))
                           (and (seq mods) (= k :while)) `(when ~v ~(do-mod etc))
                           (and (seq mods) (= k :when)) `(if ~v ~(do-mod etc) (recur (rest ~gxs)))
                           (seq mods) (throw (IllegalArgumentException. (str "Invalid 'for' keyword " k)))
                           next-groups `(let [iterys# ~(emit-bind next-groups)
                                              fs# (seq (iterys# ~next-expr))]
                                          (if fs#
                                            (concat fs# (~giter (rest ~gxs)))
                                            (recur (rest ~gxs))))
                           :else `(cons ~body-expr (~giter (rest ~gxs)))))]
            (if next-groups
              `(fn ~giter [~gxs]
                 (lazy-seq
                   (loop [~gxs ~gxs]
                     (when-first [~bind ~gxs]
                       ~(do-mod mod-pairs)))))
              ;; The innermost binding walks a chunked seq a chunk at a time, filling a
              ;; chunk buffer, as Clojure's for does: the same elements get realized.
              (let [gi (gensym "i__")
                    gb (gensym "b__")
                    do-cmod (fn do-cmod [[[k v] & etc :as mods]]
                              (cond
                                (and (seq mods) (= k :let)) `(let ~v ~(do-cmod etc))
                                (and (seq mods) (= k :while)) `(when ~v ~(do-cmod etc))
                                (and (seq mods) (= k :when)) `(if ~v ~(do-cmod etc) (recur (inc ~gi)))
                                (seq mods) (throw (IllegalArgumentException. (str "Invalid 'for' keyword " k)))
                                :else `(do (chunk-append ~gb ~body-expr)
                                           (recur (inc ~gi)))))]
                `(fn ~giter [~gxs]
                   (lazy-seq
                     (loop [~gxs ~gxs]
                       (when-let [~gxs (seq ~gxs)]
                         (if (chunked-seq? ~gxs)
                           (let [c# (chunk-first ~gxs)
                                 size# (count c#)
                                 ~gb (chunk-buffer size#)]
                             (if (loop [~gi 0]
                                   (if (< ~gi size#)
                                     (let [~bind (nth c# ~gi)]
                                       ~(do-cmod mod-pairs))
                                     true))
                               (chunk-cons (chunk ~gb) (~giter (chunk-rest ~gxs)))
                               (chunk-cons (chunk ~gb) nil)))
                           (let [~bind (first ~gxs)]
                             ~(do-mod mod-pairs)))))))))))]
    `(let [iter# ~(emit-bind (seq-exprs-groups seq-exprs))]
       (iter# ~(second seq-exprs)))))

(defmacro doseq
  "Repeatedly executes body (presumably for side-effects) with bindings and filtering
  as provided by \"for\". Does not retain the head of the sequence. Returns nil."
  [seq-exprs & body]
  (check-bindings &form seq-exprs)
  (let [step (fn step [recform exprs]
               (if-not exprs
                 [true `(do ~@body)]
                 (let [k (first exprs)
                       v (second exprs)]
                   (if (keyword? k)
                     (let [[needrec subform] (step recform (nnext exprs))]
                       (cond
                         (= k :let) [needrec `(let ~v ~subform)]
                         (= k :while) [false `(when ~v ~subform ~@(when needrec [recform]))]
                         (= k :when) [false `(if ~v (do ~subform ~@(when needrec [recform])) ~recform)]
                         :else (throw (IllegalArgumentException. (str "Invalid 'doseq' keyword " k)))))
                     ;; Walks a chunked seq a chunk at a time, as Clojure's doseq does.
                     (let [gseq (gensym "seq_")
                           gchunk (gensym "chunk_")
                           gcount (gensym "count_")
                           gi (gensym "i_")
                           recform `(recur (next ~gseq) nil 0 0)
                           [needrec subform] (step recform (nnext exprs))
                           recform-chunk `(recur ~gseq ~gchunk ~gcount (inc ~gi))
                           [needrec-chunk subform-chunk] (step recform-chunk (nnext exprs))]
                       [true `(loop* [~gseq (seq ~v) ~gchunk nil ~gcount 0 ~gi 0]
                                (if (< ~gi ~gcount)
                                  (let [~k (nth ~gchunk ~gi)]
                                    ~subform-chunk
                                    ~@(when needrec-chunk [recform-chunk]))
                                  (when-let [~gseq (seq ~gseq)]
                                    (if (chunked-seq? ~gseq)
                                      (let [c# (chunk-first ~gseq)]
                                        (recur (chunk-rest ~gseq) c# (count c#) 0))
                                      (let [~k (first ~gseq)]
                                        ~subform
                                        ~@(when needrec [recform]))))))])))))]
    (second (step nil (seq seq-exprs)))))

(defmacro letfn
  "fnspec ==> (fname [params*] exprs) or (fname ([params*] exprs)+)

  Takes a vector of function specs and a body, and generates a set of bindings of
  functions to their names. All of the names are available in all of the definitions
  of the functions, as well as the body."
  [fnspecs & body]
  (assert-args* &form (vector? fnspecs) "a vector for its binding")
  `(letfn* ~(vec (interleave (map first fnspecs)
                             (map (fn [spec] (macroexpand-1 (cons 'clojure.core/fn spec))) fnspecs)))
           ~@body))

(defn bound?
  "Returns true if all of the vars provided as arguments have any bound value, root
  or thread-local. Implies that deref'ing the provided vars will succeed. Returns true
  if no vars are provided."
  [& vars]
  ;; An unbound var (no root, no binding here) reads as a clojure.lang.Var$Unbound.
  (every? (fn [v] (not (instance? clojure.lang.Var$Unbound (var-get v)))) vars))

(defmacro defonce
  "defs name to have the root value of the expr iff the named var has no root value,
  else expr is unevaluated"
  [name expr]
  `(let [v# (def ~name)]
     (when-not (bound? v#)
       (def ~name ~expr))))

(defmacro time
  "Evaluates expr and prints the time it took. Returns the value of expr."
  [expr]
  `(let [start# (System/nanoTime)
         ret# ~expr]
     (prn (str "Elapsed time: " (/ (double (- (System/nanoTime) start#)) 1000000.0) " msecs"))
     ret#))

(defn with-redefs-fn
  "Temporarily redefines Vars during a call to func. Each val of binding-map will
  replace the root value of its key which must be a Var. After func is called with no
  args, the root values of all the Vars will be set back to their old values. These
  temporary changes will be visible in all threads. Useful for mocking out functions
  during testing."
  [binding-map func]
  (let [root-bind (fn [m] (doseq [[a-var a-val] m] (alter-var-root a-var (fn [_] a-val))))
        old-vals (reduce (fn [m v] (assoc m v (alter-var-root v identity))) {} (keys binding-map))]
    (try
      (root-bind binding-map)
      (func)
      (finally
        (root-bind old-vals)))))

(defmacro with-redefs
  "binding => var-symbol temp-value-expr

  Temporarily redefines Vars while executing the body. The temp-value-exprs will be
  evaluated and each resulting value will replace in parallel the root value of its
  Var. After the body is executed, the root values of all the Vars will be set back to
  their old values. These temporary changes will be visible in all threads. Useful
  for mocking out functions during testing."
  [bindings & body]
  (check-bindings &form bindings)
  `(with-redefs-fn ~(loop [bs (seq bindings) m {}]
                      (if bs
                        (recur (nnext bs) (assoc m (list 'var (first bs)) (second bs)))
                        m))
     (fn [] ~@body)))

(defmacro lazy-cat
  "Expands to code which yields a lazy sequence of the concatenation of the supplied
  colls. Each coll expr is not evaluated until it is needed.

  (lazy-cat xs ys zs) === (concat (lazy-seq xs) (lazy-seq ys) (lazy-seq zs))"
  [& colls]
  `(concat ~@(map (fn [c] `(lazy-seq ~c)) colls)))

(defmacro delay
  "Takes a body of expressions and yields a Delay object that will invoke the body
  only the first time it is forced (with force or deref/@), and will cache the result
  and return it on all subsequent force calls."
  [& body]
  (list 'clojure.core/-make-delay (list* 'fn* [] body)))
