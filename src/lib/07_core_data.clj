;; 07_core_data.clj: clojure.core's functions over data (SPEC L5, L6, L7): nested
;; access (get-in assoc-in update-in), merging, grouping, the higher-order function
;; builders (comp partial juxt memoize fnil every-pred some-fn ...), indexed and
;; splitting seq functions, and trampoline. Everything is plain Clove, so callbacks
;; never grow the C++ stack. The natives it builds on (keys vals find empty subvec
;; disj set rand ...) are in natives/core/data.cpp and numeric.cpp.

;; ---- nested access ----

(defn get-in
  "Looks a value up inside nested maps (or vectors), following the keys of ks one level
  at a time, as (get (get m k1) k2) and so on. Gives nil, or not-found when supplied,
  if some key along the path is missing."
  ([m ks]
   (loop [m m ks (seq ks)]
     (if ks (recur (get m (first ks)) (next ks)) m)))
  ([m ks not-found]
   (let [sentinel (-make-reduced nil)]
     (loop [m m ks (seq ks)]
       (if ks
         (let [m (get m (first ks) sentinel)]
           (if (identical? sentinel m)
             not-found
             (recur m (next ks))))
         m)))))

(defn assoc-in
  "Puts v at the path ks inside nested maps (or vectors) and returns the new outer
  structure. Levels missing along the path are made as new hash maps."
  [m ks v]
  (let [k (first ks) more (next ks)]
    (if more
      (assoc m k (assoc-in (get m k) more v))
      (assoc m k v))))

(defn update
  "Replaces the value at key k of m with (f old-value & args) and returns the new map
  (or vector). When k is absent, f receives nil as the old value."
  ([m k f] (assoc m k (f (get m k))))
  ([m k f x] (assoc m k (f (get m k) x)))
  ([m k f x y] (assoc m k (f (get m k) x y)))
  ([m k f x y z] (assoc m k (f (get m k) x y z)))
  ([m k f x y z & more] (assoc m k (apply f (get m k) x y z more))))

(defn update-in
  "Like update, but k is a path ks into nested associative structures: the value found
  there is replaced by (apply f old-value args). Missing levels are made as new hash
  maps, and f sees nil for a missing value."
  [m ks f & args]
  (let [up (fn up [m ks]
             (let [k (first ks) more (next ks)]
               (if more
                 (assoc m k (up (get m k) more))
                 (assoc m k (apply f (get m k) args)))))]
    (up m ks)))

;; ---- maps ----

(defn merge
  "Combines maps from left to right with conj: for a key present in several maps, the
  value from the rightmost one is kept. nil maps are skipped; with no non-nil map the
  result is nil."
  [& maps]
  (when (some identity maps)
    (reduce (fn [acc m] (conj (or acc {}) m)) maps)))

(defn merge-with
  "Merges maps from left to right like merge, but when a key is already in the result,
  the two values are combined as (f value-so-far new-value) instead of the new one
  replacing the old."
  [f & maps]
  (when (some identity maps)
    (let [merge-entry (fn [m e]
                        (let [k (key e) v (val e)]
                          (if (contains? m k)
                            (assoc m k (f (get m k) v))
                            (assoc m k v))))
          merge2 (fn [m1 m2] (reduce merge-entry (or m1 {}) (seq m2)))]
      (reduce merge2 maps))))

(defn select-keys
  "New map holding just the entries of map whose keys are listed in keyseq; keys that
  map does not contain are ignored."
  [map keyseq]
  (loop [ret {} ks (seq keyseq)]
    (if ks
      (let [entry (find map (first ks))]
        (recur (if entry (conj ret entry) ret) (next ks)))
      (with-meta ret (meta map)))))

(defn zipmap
  "Builds a map pairing each item of keys with the item of vals in the same position;
  pairing stops at the end of the shorter of the two."
  [keys vals]
  (loop [m (transient {}) ks (seq keys) vs (seq vals)]
    (if (and ks vs)
      (recur (assoc! m (first ks) (first vs)) (next ks) (next vs))
      (persistent! m))))

(defn frequencies
  "Counts how often each distinct value occurs in coll, giving a map from value to
  count."
  [coll]
  (persistent!
    (reduce (fn [counts x] (assoc! counts x (inc (get counts x 0))))
            (transient {}) coll)))

(defn group-by
  "Sorts the items of coll into a map keyed by (f item); each value is a vector of the
  items that gave that key, kept in the order of coll."
  [f coll]
  (persistent!
    (reduce (fn [ret x]
              (let [k (f x)]
                (assoc! ret k (conj (get ret k []) x))))
            (transient {}) coll)))

(defn reduce-kv
  "Folds an associative collection with a function of three arguments, (f acc key
  value), starting from init. Maps give their entries; vectors give index and item. An
  empty or nil coll gives init without calling f, and a (reduced v) step stops early
  with v."
  [f init coll]
  (cond
    (nil? coll) init
    (vector? coll)
    (let [n (count coll)]
      (loop [i 0 acc init]
        (if (< i n)
          (let [acc (f acc i (nth coll i))]
            (if (reduced? acc) (-unreduced acc) (recur (inc i) acc)))
          acc)))
    ;; a type implementing IKVReduce
    (-iface-method coll :kvreduce) ((-iface-method coll :kvreduce) coll f init)
    ;; maps, and (as Clojure's protocol fallback does) any seq of map entries
    :else (reduce (fn [acc e] (f acc (key e) (val e))) init coll)))

(defn update-keys
  "New map with the same values as m but each key k replaced by (f k). f should not send
  two keys to the same new key: which value survives is then unspecified. The metadata
  of m is kept."
  [m f]
  (let [ret (persistent! (reduce-kv (fn [acc k v] (assoc! acc (f k) v)) (transient {}) m))]
    (with-meta ret (meta m))))

(defn update-vals
  "New map with the same keys as m, each value v replaced by (f v). The metadata of m is
  kept."
  [m f]
  (with-meta
    (persistent!
      (reduce-kv (fn [acc k v] (assoc! acc k (f v)))
                 (if (and (map? m) (not (sorted? m))) (transient m) (transient {}))
                 m))
    (meta m)))

;; ---- function builders ----

;; The builders below return fns with one arity for each of 0 to 3 arguments (more for
;; fnil), so common calls reach f without apply, and one variadic arity for the rest.
;; -arities-of writes those clauses at macro-expansion time from a function of the
;; parameter symbols.

(defn- -arities-of
  "Arity clauses over the parameters p1 p2 p3: one for each count from `lowest` to 3
  and one for p1 p2 p3 & more (names no builder uses for its own arguments). (build params more) gives each clause's body; more is nil in
  the fixed clauses and the symbol of the rest seq in the variadic one."
  [lowest build]
  (concat (map (fn [n] (let [params (vec (take n '[p1 p2 p3]))] (list params (build params nil))))
               (range lowest 4))
          [(list '[p1 p2 p3 & more] (build '[p1 p2 p3] 'more))]))

(defn- -call-form
  "The form calling f on the arguments `leading` (symbols or forms) followed by params,
  through apply when there is a rest seq `more`."
  [f leading params more]
  (if more
    `(apply ~f ~@leading ~@params ~more)
    `(~f ~@leading ~@params)))

(defmacro ^:private -builder-fn
  "(-builder-fn lowest (fn [params more] body)): a fn whose arities -arities-of makes,
  with the builder fn given as a literal and run at expansion time."
  [lowest build]
  `(fn ~@(-arities-of lowest (eval build))))

(defn complement
  "Wraps f into a predicate with f's arity: it passes its arguments on to f and gives
  back the boolean opposite of the result."
  [f]
  (-builder-fn 0 (fn [params more] `(not ~(-call-form 'f nil params more)))))

(defn constantly
  "A function that ignores its arguments, however many, and always gives back x."
  [x] (fn [& args] x))

(defn comp
  "Composes functions right to left: ((comp f g h) x) is (f (g (h x))). The rightmost
  function receives all the arguments, every other one the single result of its right
  neighbour. (comp) is identity."
  ([] identity)
  ([f] f)
  ([f g] (-builder-fn 0 (fn [params more] (list 'f (-call-form 'g nil params more)))))
  ([f g & fs]
   (reduce comp (list* f g fs))))

(defn partial
  "Fixes some leading arguments of f: the returned function, called with more arguments,
  calls f with the fixed ones first and the new ones after."
  ([f] f)
  ([f a] (-builder-fn 0 (fn [params more] (-call-form 'f '[a] params more))))
  ([f a b] (-builder-fn 0 (fn [params more] (-call-form 'f '[a b] params more))))
  ([f a b c] (-builder-fn 0 (fn [params more] (-call-form 'f '[a b c] params more))))
  ([f a b c & fixed]
   (fn [& args] (apply f a b c (concat fixed args)))))

(defn juxt
  "Combines functions into one that calls each of them, left to right, on the same
  arguments and collects the results in a vector: ((juxt f g) x) is [(f x) (g x)]."
  ([f] (-builder-fn 0 (fn [params more] [(-call-form 'f nil params more)])))
  ([f g] (-builder-fn 0 (fn [params more] (vec (map #(-call-form % nil params more) '[f g])))))
  ([f g h] (-builder-fn 0 (fn [params more] (vec (map #(-call-form % nil params more) '[f g h])))))
  ([f g h & fs]
   (let [fs (list* f g h fs)]
     (fn [& args]
       (reduce (fn [results g] (conj results (apply g args))) [] fs)))))

(defn memoize
  "Caching wrapper for a pure function f: the first call with given arguments runs f and
  stores the result, later calls with equal arguments give the stored result back
  without calling f. The cache grows without bound."
  [f]
  (let [mem (atom {})]
    (fn [& args]
      (let [e (find (deref mem) args)]
        (if e
          (val e)
          (let [ret (apply f args)]
            (swap! mem assoc args ret)
            ret))))))

(defn- -fnil-args
  "The argument forms of an fnil arity: each parameter that has a default in defaults
  (by position) becomes (if (nil? param) default param)."
  [params defaults]
  (map (fn [i p] (if (< i (count defaults)) `(if (nil? ~p) ~(nth defaults i) ~p) p))
       (range) params))

(defn fnil
  "Wraps f so that nil arguments get default values: a nil first argument becomes x, and
  with the longer arities a nil second or third argument becomes y or z. Other
  arguments pass through unchanged."
  ;; Each of the first one, two or three parameters with a default is replaced by it
  ;; when nil; with two or three defaults the fn takes at least two arguments.
  ([f x] (-builder-fn 1 (fn [params more] (-call-form 'f nil (-fnil-args params '[x]) more))))
  ([f x y] (-builder-fn 2 (fn [params more] (-call-form 'f nil (-fnil-args params '[x y]) more))))
  ([f x y z] (-builder-fn 2 (fn [params more] (-call-form 'f nil (-fnil-args params '[x y z]) more)))))

(defn every-pred
  "Combines predicates into a single predicate that is true only when every predicate
  holds for every argument it receives. It stops checking at the first failure."
  [p & ps]
  (let [ps (cons p ps)]
    (fn [& args]
      (boolean (every? (fn [pred] (every? pred args)) ps)))))

(defn some-fn
  "Combines predicates into a single function that gives the first truthy value any
  predicate produces for any argument, or a falsy value when there is none. It stops at
  the first truthy result."
  [p & ps]
  (let [ps (cons p ps)
        ;; Clojure's unrolled arities give back the last false/nil a predicate
        ;; returned for up to 2 predicates and 3 arguments, and nil otherwise.
        keep-last (not (next (next ps)))]
    (fn [& args]
      (let [small (and keep-last (not (next (next (next args)))))]
        (loop [ps ps last-val nil]
          (if ps
            (let [pred (first ps)
                  v (loop [as (seq args) v nil]
                      (if as
                        (let [r (pred (first as))]
                          (if r r (recur (next as) r)))
                        v))]
              (if v v (recur (next ps) v)))
            (when small last-val)))))))

(defn trampoline
  "Runs mutually recursive functions without growing the stack: calls f with args, and
  as long as the result is a function, calls that with no arguments; the first
  non-function result is returned. To return a function as the final value, wrap it in
  some other value."
  ([f]
   (let [ret (f)]
     (if (fn? ret) (recur ret) ret)))
  ([f & args]
   (trampoline (fn [] (apply f args)))))

(defn max-key
  "Of the xs, gives the one for which the number (k x) is largest; when several tie, the
  last of them wins."
  ([k x] x)
  ([k x y] (if (> (k x) (k y)) x y))
  ([k x y & more]
   (let [kx (k x) ky (k y)
         big (> kx ky)]
     (loop [v (if big x y) kv (if big kx ky) more (seq more)]
       (if more
         (let [w (first more) kw (k w)]
           (if (>= kw kv) (recur w kw (next more)) (recur v kv (next more))))
         v)))))

(defn min-key
  "Of the xs, gives the one for which the number (k x) is smallest; when several tie,
  the last of them wins."
  ([k x] x)
  ([k x y] (if (< (k x) (k y)) x y))
  ([k x y & more]
   (let [kx (k x) ky (k y)
         small (< kx ky)]
     (loop [v (if small x y) kv (if small kx ky) more (seq more)]
       (if more
         (let [w (first more) kw (k w)]
           (if (<= kw kv) (recur w kw (next more)) (recur v kv (next more))))
         v)))))

;; ---- building collections ----

(defn mapv
  "Eager map into a vector: applies f to the items of the colls taken in step and stops
  at the end of the shortest coll."
  ([f coll]
   (if (vector? coll)  ; by index: no seq and no reducing fn to call per item
     (let [n (count coll)]
       (loop [i 0 v (transient [])]
         (if (< i n) (recur (inc i) (conj! v (f (nth coll i)))) (persistent! v))))
     (persistent! (reduce (fn [v o] (conj! v (f o))) (transient []) coll))))
  ([f c1 c2] (vec (map f c1 c2)))
  ([f c1 c2 c3] (vec (map f c1 c2 c3)))
  ([f c1 c2 c3 & colls] (vec (apply map f c1 c2 c3 colls))))

(defn filterv
  "Eager filter into a vector: keeps the items x of coll for which (pred x) is truthy,
  in order."
  [pred coll]
  (if (vector? coll)  ; by index: no seq and no reducing fn to call per item
    (let [n (count coll)]
      (loop [i 0 v (transient [])]
        (if (< i n)
          (recur (inc i) (let [o (nth coll i)] (if (pred o) (conj! v o) v)))
          (persistent! v))))
    (persistent! (reduce (fn [v o] (if (pred o) (conj! v o) v)) (transient []) coll))))

(defn run!
  "Calls proc on each item of coll in turn, only for its side effects, and returns nil.
  Built on reduce, so a (reduced ...) result from proc stops the walk."
  [proc coll]
  (reduce (fn [_ x] (proc x)) nil coll)
  nil)

(defn sort-by
  "Sorts coll by comparing the keys (keyfn x) of its items, with comp when supplied and
  compare otherwise. The sort is stable: items whose keys compare equal keep their
  relative order. keyfn is called once for each item, in order (Clojure calls it on
  both sides of every comparison), so a keyfn with side effects sees fewer calls."
  ([keyfn coll] (sort-by keyfn compare coll))
  ([keyfn comp coll]
   (let [items (vec coll)]
     (-sort-keyed comp (mapv keyfn items) items coll))))

(defn rand-nth
  "Picks an item of the sequential coll at random, with equal odds, by calling nth at a
  random index (so linear time on lists and seqs). Throws on an empty coll."
  [coll]
  (nth coll (rand-int (count coll))))

(defn replace
  "Substitutes values using the map smap: each item of coll that is a key of smap is
  replaced by the value it maps to. A vector gives a vector back; any other coll gives
  a lazy seq."
  [smap coll]
  (if (vector? coll)
    (reduce (fn [v i]
              (let [e (find smap (nth v i))]
                (if e (assoc v i (val e)) v)))
            coll (range (count coll)))
    (map (fn [x] (let [e (find smap x)] (if e (val e) x))) coll)))

(defn distinct?
  "True when all the arguments are different from each other under =, false when any two
  are equal."
  ([x] true)
  ([x y] (not (= x y)))
  ([x y & more]
   (if (not= x y)
     (loop [s #{x y} xs (seq more)]
       (if xs
         (let [x (first xs)]
           (if (contains? s x) false (recur (conj s x) (next xs))))
         true))
     false)))

;; ---- indexed and splitting seq functions ----

(defn map-indexed
  "Lazy seq of (f i x) for each item x of coll, where i is the position of x counting
  from 0."
  [f coll]
  (let [step (fn step [i s]
               (lazy-seq
                 (when-let [s (seq s)]
                   (cons (f i (first s)) (step (inc i) (rest s))))))]
    (step 0 coll)))

(defn keep-indexed
  "Lazy seq of the results of (f i x), with i the position of x in coll from 0, leaving
  out the nil results; false results stay."
  [f coll]
  (let [step (fn step [i s]
               (lazy-seq
                 (loop [i i s (seq s)]
                   (when s
                     (let [x (f i (first s))]
                       (if (nil? x)
                         (recur (inc i) (next s))
                         (cons x (step (inc i) (rest s)))))))))]
    (step 0 coll)))

(defn split-at
  "Splits coll at position n, giving a two-item vector: the first n items, then the
  rest."
  [n coll]
  [(take n coll) (drop n coll)])

(defn split-with
  "Splits coll where pred first fails, giving a two-item vector: the leading items that
  satisfy pred, then the rest, as take-while and drop-while would."
  [pred coll]
  [(take-while pred coll) (drop-while pred coll)])

(defn take-nth
  "Lazy seq of the items of coll at positions 0, n, 2n and so on."
  [n coll]
  (lazy-seq
    (when-let [s (seq coll)]
      (cons (first s) (take-nth n (drop n s))))))

(defn take-last
  "Seq of the final n items of coll, or nil when coll is empty or n is not positive.
  Walks the whole coll, so it takes linear time; subvec is faster on vectors."
  [n coll]
  (loop [s (seq coll) lead (seq (drop n coll))]
    (if lead
      (recur (next s) (next lead))
      s)))

(defn drop-last
  "Lazy seq of coll without its final n items (one item when n is left out)."
  ([coll] (drop-last 1 coll))
  ([n coll] (map (fn [x _] x) coll (drop n coll))))

(defn reductions
  "Lazy seq of the running results of reducing coll with f: init (or the first item)
  first, then each intermediate accumulator that reduce would compute, ending with the
  final one. Stops early on a reduced value."
  ([f coll]
   (lazy-seq
     (let [s (seq coll)]
       (if s
         (reductions f (first s) (rest s))
         (list (f))))))
  ([f init coll]
   (if (reduced? init)
     (list (-unreduced init))
     (cons init
           (lazy-seq
             (let [s (seq coll)]
               (when s
                 (reductions f (f init (first s)) (rest s)))))))))
