;; code-dispatch on real code (pattern compilation from Clove's match, src/lib/13_match.clj)
;; at three right margins: defn with docstrings, let, if, when, cond, fn, loop and threading forms.
(require '[clojure.pprint :as pp])

(def forms
  '[
(defn- match-error
  "Throws IllegalArgumentException `msg` (reported as a macroexpansion error)."
  [msg]
  (throw (IllegalArgumentException. (str msg))))

(def ^:private match-valid-syntax
  "(:or p ...), (p | q ...), (p :as sym), (p :guard f), (p :guard [f ...]), (p :when f), (p :<< f), ([p ...] :seq), ({k p ...} :only [k ...])")

;; ---- parsing: pattern syntax -> pattern nodes ----
;; A node is a map with :kind one of :wild :bind :lit :vec :seq :empty-seq :map :as
;; :guard :app :or (fields as built below).

(declare match-parse)

(defn- match-local?
  "Whether symbol `s` names a local of the match form's scope (&env, when the
  compiler supplies one as a map or set of symbols)."
  [env s]
  (and (or (map? env) (set? env)) (contains? env s)))

(defn- match-parse-items
  "The element patterns of vector pattern `v` as {:items [node...] :rest node-or-nil}.
  In a seq pattern (`seq?` true) a vector after & is itself a seq pattern."
  [env v seq?]
  (loop [ps (seq v) items []]
    (cond
      (nil? ps) {:items items :rest nil}
      (= (first ps) '&)
      (do (when-not (and (next ps) (nil? (nnext ps)))
            (match-error (str "Invalid rest pattern in " (pr-str v) ": & must be followed by exactly one pattern")))
          {:items items
           :rest (let [r (second ps)]
                   (if (and seq? (vector? r))
                     (match-parse env (list r :seq))
                     (match-parse env r)))})
      :else (recur (next ps) (conj items (match-parse env (first ps)))))))

(defn- match-parse-seq-pattern
  "([p ...] :seq)."
  [env v]
  (when-not (vector? v)
    (match-error (str "Invalid seq pattern " (pr-str v) ": (p :seq) needs a vector p")))
  (if (empty? v)
    {:kind :empty-seq}
    (let [parts (match-parse-items env v true)]
      {:kind :seq :items (:items parts) :rest (:rest parts)})))

(defn- match-parse-alternatives
  "(p | q | ...) -> the alternatives, or nil when `items` is not in that shape."
  [items]
  (when (and (>= (count items) 3) (odd? (count items))
             (every? (fn [i] (= (nth items i) '|)) (range 1 (count items) 2)))
    (vec (map (fn [i] (nth items i)) (range 0 (count items) 2)))))

(defn- match-parse-list
  "A list pattern: (quote x), (:or ...), (p | q ...), or p followed by keyword suffixes."
  [env form]
  (let [items (vec form)
        head (first items)]
    (cond
      (= head 'quote) {:kind :lit :value form}
      (= head :or)
      (do (when (< (count items) 2) (match-error (str "Empty :or pattern: " (pr-str form))))
          {:kind :or :alts (vec (map (fn [p] (match-parse env p)) (rest items)))})
      (match-parse-alternatives items)
      {:kind :or :alts (vec (map (fn [p] (match-parse env p)) (match-parse-alternatives items)))}
      :else
      (loop [node nil i 1]
        (if (>= i (count items))
          (if node node (match-error (str "Invalid list syntax in " (pr-str form) ". Valid syntax: " match-valid-syntax)))
          (let [k (nth items i)
                has-arg (< (inc i) (count items))
                arg (when has-arg (nth items (inc i)))
                inner (fn [] (if node node (match-parse env head)))
                need-arg (fn [] (when-not has-arg
                                  (match-error (str "Missing argument after " k " in " (pr-str form)))))]
            (cond
              (= k :seq)
              (do (when node (match-error (str ":seq must directly follow its vector in " (pr-str form))))
                  (recur (match-parse-seq-pattern env head) (inc i)))
              (= k :as)
              (do (need-arg)
                  (when-not (and (symbol? arg) (nil? (namespace arg)))
                    (match-error (str ":as needs a simple symbol in " (pr-str form))))
                  (recur {:kind :as :pat (inner) :sym arg} (+ i 2)))
              (or (= k :guard) (= k :when))
              (do (need-arg)
                  (recur {:kind :guard :pat (inner) :fns (if (vector? arg) arg [arg])} (+ i 2)))
              (= k :<<)
              (do (need-arg) (recur {:kind :app :pat (inner) :fn arg} (+ i 2)))
              (= k :only)
              (let [p (inner)]
                (need-arg)
                (when-not (and (= (:kind p) :map) (nil? (:only p)))
                  (match-error (str ":only must follow a map pattern in " (pr-str form))))
                (when-not (or (vector? arg) (seq? arg))
                  (match-error (str ":only needs a vector of keys in " (pr-str form))))
                (recur (assoc p :only (vec arg)) (+ i 2)))
              :else
              (match-error (str "Invalid list syntax " (pr-str k) " in " (pr-str form)
                                ". Valid syntax: " match-valid-syntax)))))))))

(defn- match-parse
  "The node for pattern form `p`. `env` is the match form's &env."
  [env p]
  (cond
    (= p '_) {:kind :wild}
    (= p '&) (match-error "& is only allowed inside a vector pattern, before the rest pattern")
    (symbol? p)
    (cond
      (namespace p) (match-error (str "Invalid pattern symbol " p ": a binding name must not be qualified"))
      (match-local? env p) {:kind :lit :value p}
      :else {:kind :bind :sym p})
    (vector? p) (let [parts (match-parse-items env p false)]
                  {:kind :vec :items (:items parts) :rest (:rest parts)})
    (map? p) {:kind :map
              :entries (vec (map (fn [e] [(key e) (match-parse env (val e))]) p))
              :only nil}
    (seq? p) (if (seq p) (match-parse-list env p) {:kind :lit :value ()})
    :else {:kind :lit :value p}))

;; ---- code generation ----
;; (match-test node o): a form true when the value of o matches (or true itself);
;; (match-binds node o): [sym expr ...] binding the pattern's names. `o` is a symbol,
;; or a cheap expression when the node uses its value at most once.

(declare match-test match-binds match-syms)

(defn- match-and
  "(and tests...) without the literal trues and with nested ands spliced in; true
  when nothing is left."
  [tests]
  (let [ts (vec (mapcat (fn [t]
                          (cond (= t true) nil
                                (and (seq? t) (= (first t) `and)) (rest t)
                                :else [t]))
                        tests))]
    (cond (empty? ts) true
          (= 1 (count ts)) (first ts)
          :else `(and ~@ts))))

(defn- match-quote
  "Form evaluating to constant `k`: k itself when it evaluates to itself."
  [k]
  (if (or (symbol? k) (seq? k)) `(quote ~k) k))

(defn- match-simple?
  "Whether a node's test and bindings use its value at most once each."
  [node]
  (let [k (:kind node)] (or (= k :wild) (= k :bind) (= k :lit))))

(defn- match-test-at
  "The test of `node` against the value of expression `expr`."
  [node expr]
  (if (or (match-simple? node) (symbol? expr))
    (match-test node expr)
    (let [g (gensym "m__")
          t (match-test node g)]
      (if (= t true) true `(let* [~g ~expr] ~t)))))

(defn- match-binds-at
  "The bindings of `node` against the value of expression `expr`."
  [node expr]
  (if (or (match-simple? node) (symbol? expr))
    (match-binds node expr)
    (let [g (gensym "m__")
          bs (match-binds node g)]
      (if (empty? bs) [] (into [g expr] bs)))))

(defn- match-seq-tail
  "The node a seq pattern's tail (rest o) must match, after its first item."
  [node]
  (let [more (vec (rest (:items node)))]
    (cond (seq more) {:kind :seq :items more :rest (:rest node)}
          (:rest node) (:rest node)
          :else {:kind :empty-seq})))

(defn- match-vec-parts
  "[[node expr] ...] for the elements of vector node matched against o."
  [node o]
  (let [items (:items node)
        n (count items)
        parts (vec (map (fn [i p] [p `(nth ~o ~i)]) (range n) items))]
    (if (:rest node) (conj parts [(:rest node) `(subvec ~o ~n)]) parts)))

(defn- match-test
  [node o]
  (let [k (:kind node)]
    (cond
      (or (= k :wild) (= k :bind)) true
      (= k :lit) (let [v (:value node)]
                   (cond (nil? v) `(nil? ~o)
                         (= v ()) `(empty? ~o)
                         :else `(= ~o ~v)))
      (= k :vec)
      (let [n (count (:items node))]
        (match-and (concat [`(vector? ~o)
                            (if (:rest node) `(>= (count ~o) ~n) `(= (count ~o) ~n))]
                           (map (fn [pe] (match-test-at (first pe) (second pe))) (match-vec-parts node o)))))
      (= k :seq)
      (if (empty? (:items node))
        (match-and [`(or (seq? ~o) (sequential? ~o)) (match-test (:rest node) o)])
        (match-and [`(or (seq? ~o) (sequential? ~o))
                    `(seq ~o)
                    (match-test-at (first (:items node)) `(first ~o))
                    (match-test-at (match-seq-tail node) `(rest ~o))]))
      (= k :empty-seq) `(empty? ~o)
      (= k :map)
      (let [only (:only node)]
        (match-and (concat [(if only `(map? ~o) `(or (map? ~o) (vector? ~o)))]
                           (when only [`(= (set (keys ~o)) (quote ~(set only)))])
                           (mapcat (fn [e]
                                     (let [kq (match-quote (first e))]
                                       [`(contains? ~o ~kq) (match-test-at (second e) `(get ~o ~kq))]))
                                   (:entries node)))))
      (= k :as) (match-test (:pat node) o)
      (= k :guard) (match-and (concat (map (fn [f] `(~f ~o)) (:fns node)) [(match-test (:pat node) o)]))
      (= k :app) (match-test-at (:pat node) `(~(:fn node) ~o))
      (= k :or) (let [ts (vec (map (fn [p] (match-test p o)) (:alts node)))]
                  (if (some (fn [t] (= t true)) ts) true `(or ~@ts))))))
])

(doseq [w [40 72 100]]
  (binding [pp/*print-right-margin* w]
    (doseq [f forms]
      (pp/with-pprint-dispatch pp/code-dispatch (pp/pprint f)))))
