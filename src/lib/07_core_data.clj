;; 07_core_data.clj: clojure.core's functions over data (SPEC L5, L6, L7): nested
;; access (get-in assoc-in update-in), merging, grouping, the higher-order function
;; builders (comp partial juxt memoize fnil every-pred some-fn ...), indexed and
;; splitting seq functions, and trampoline. Everything is plain Clove, so callbacks
;; never grow the C++ stack. The natives it builds on (keys vals find empty subvec
;; disj set rand ...) are in natives/core/data.cpp and numeric.cpp.

;; ---- nested access ----

(defn get-in
  "Returns the value in a nested associative structure, where ks is a sequence of keys.
  Returns nil if the key is not present, or the not-found value if supplied."
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
  "Associates a value in a nested associative structure, where ks is a sequence of keys
  and v is the new value and returns a new nested structure. If any levels do not
  exist, hash-maps will be created."
  [m ks v]
  (let [k (first ks) more (next ks)]
    (if more
      (assoc m k (assoc-in (get m k) more v))
      (assoc m k v))))

(defn update
  "'Updates' a value in an associative structure, where k is a key and f is a function
  that will take the old value and any supplied args and return the new value, and
  returns a new structure. If the key does not exist, nil is passed as the old value."
  ([m k f] (assoc m k (f (get m k))))
  ([m k f x] (assoc m k (f (get m k) x)))
  ([m k f x y] (assoc m k (f (get m k) x y)))
  ([m k f x y z] (assoc m k (f (get m k) x y z)))
  ([m k f x y z & more] (assoc m k (apply f (get m k) x y z more))))

(defn update-in
  "'Updates' a value in a nested associative structure, where ks is a sequence of keys
  and f is a function that will take the old value and any supplied args and return the
  new value, and returns a new nested structure. If any levels do not exist, hash-maps
  will be created."
  [m ks f & args]
  (let [up (fn up [m ks]
             (let [k (first ks) more (next ks)]
               (if more
                 (assoc m k (up (get m k) more))
                 (assoc m k (apply f (get m k) args)))))]
    (up m ks)))

;; ---- maps ----

(defn merge
  "Returns a map that consists of the rest of the maps conj-ed onto the first. If a key
  occurs in more than one map, the mapping from the latter (left-to-right) will be the
  mapping in the result."
  [& maps]
  (when (some identity maps)
    (reduce (fn [acc m] (conj (or acc {}) m)) maps)))

(defn merge-with
  "Returns a map that consists of the rest of the maps conj-ed onto the first. If a key
  occurs in more than one map, the mapping(s) from the latter (left-to-right) will be
  combined with the mapping in the result by calling (f val-in-result val-in-latter)."
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
  "Returns a map containing only those entries in map whose key is in keys."
  [map keyseq]
  (loop [ret {} ks (seq keyseq)]
    (if ks
      (let [entry (find map (first ks))]
        (recur (if entry (conj ret entry) ret) (next ks)))
      (with-meta ret (meta map)))))

(defn zipmap
  "Returns a map with the keys mapped to the corresponding vals."
  [keys vals]
  (loop [m (transient {}) ks (seq keys) vs (seq vals)]
    (if (and ks vs)
      (recur (assoc! m (first ks) (first vs)) (next ks) (next vs))
      (persistent! m))))

(defn frequencies
  "Returns a map from distinct items in coll to the number of times they appear."
  [coll]
  (persistent!
    (reduce (fn [counts x] (assoc! counts x (inc (get counts x 0))))
            (transient {}) coll)))

(defn group-by
  "Returns a map of the elements of coll keyed by the result of f on each element. The
  value at each key will be a vector of the corresponding elements, in the order they
  appeared in coll."
  [f coll]
  (persistent!
    (reduce (fn [ret x]
              (let [k (f x)]
                (assoc! ret k (conj (get ret k []) x))))
            (transient {}) coll)))

(defn reduce-kv
  "Reduces an associative collection. f should be a function of 3 arguments. Returns the
  result of applying f to init, the first key and the first value in coll, then applying
  f to that result and the 2nd key and value, etc. If coll contains no entries, returns
  init and f is not called. Note that reduce-kv is supported on vectors, where the keys
  will be the ordinals."
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
  "m f => {(f k) v ...}. Given a map m and a function f of 1-argument, returns a new
  map whose keys are the result of applying f to the keys of m, mapped to the
  corresponding values of m. f must return a unique key for each key of m, else the
  behavior is undefined."
  [m f]
  (let [ret (persistent! (reduce-kv (fn [acc k v] (assoc! acc (f k) v)) (transient {}) m))]
    (with-meta ret (meta m))))

(defn update-vals
  "m f => {k (f v) ...}. Given a map m and a function f of 1-argument, returns a new map
  where the keys of m are mapped to result of applying f to the corresponding values of m."
  [m f]
  (with-meta
    (persistent!
      (reduce-kv (fn [acc k v] (assoc! acc k (f v)))
                 (if (and (map? m) (not (sorted? m))) (transient m) (transient {}))
                 m))
    (meta m)))

;; ---- function builders ----

(defn complement
  "Takes a fn f and returns a fn that takes the same arguments as f, has the same
  effects, if any, and returns the opposite truth value."
  [f]
  (fn
    ([] (not (f)))
    ([x] (not (f x)))
    ([x y] (not (f x y)))
    ([x y & zs] (not (apply f x y zs)))))

(defn constantly
  "Returns a function that takes any number of arguments and returns x."
  [x] (fn [& args] x))

(defn comp
  "Takes a set of functions and returns a fn that is the composition of those fns. The
  returned fn takes a variable number of args, applies the rightmost of fns to the
  args, the next fn (right-to-left) to the result, etc."
  ([] identity)
  ([f] f)
  ([f g]
   (fn
     ([] (f (g)))
     ([x] (f (g x)))
     ([x y] (f (g x y)))
     ([x y z] (f (g x y z)))
     ([x y z & args] (f (apply g x y z args)))))
  ([f g & fs]
   (reduce comp (list* f g fs))))

(defn partial
  "Takes a function f and fewer than the normal arguments to f, and returns a fn that
  takes a variable number of additional args. When called, the returned function calls
  f with args + additional args."
  ([f] f)
  ([f arg1]
   (fn
     ([] (f arg1))
     ([x] (f arg1 x))
     ([x y] (f arg1 x y))
     ([x y z] (f arg1 x y z))
     ([x y z & args] (apply f arg1 x y z args))))
  ([f arg1 arg2]
   (fn
     ([] (f arg1 arg2))
     ([x] (f arg1 arg2 x))
     ([x y] (f arg1 arg2 x y))
     ([x y z] (f arg1 arg2 x y z))
     ([x y z & args] (apply f arg1 arg2 x y z args))))
  ([f arg1 arg2 arg3]
   (fn
     ([] (f arg1 arg2 arg3))
     ([x] (f arg1 arg2 arg3 x))
     ([x y] (f arg1 arg2 arg3 x y))
     ([x y z] (f arg1 arg2 arg3 x y z))
     ([x y z & args] (apply f arg1 arg2 arg3 x y z args))))
  ([f arg1 arg2 arg3 & more]
   (fn [& args] (apply f arg1 arg2 arg3 (concat more args)))))

(defn juxt
  "Takes a set of functions and returns a fn that is the juxtaposition of those fns.
  The returned fn takes a variable number of args, and returns a vector containing the
  result of applying each fn to the args (left-to-right).
  ((juxt a b c) x) => [(a x) (b x) (c x)]"
  ([f]
   (fn
     ([] [(f)])
     ([x] [(f x)])
     ([x y] [(f x y)])
     ([x y z] [(f x y z)])
     ([x y z & args] [(apply f x y z args)])))
  ([f g]
   (fn
     ([] [(f) (g)])
     ([x] [(f x) (g x)])
     ([x y] [(f x y) (g x y)])
     ([x y z] [(f x y z) (g x y z)])
     ([x y z & args] [(apply f x y z args) (apply g x y z args)])))
  ([f g h]
   (fn
     ([] [(f) (g) (h)])
     ([x] [(f x) (g x) (h x)])
     ([x y] [(f x y) (g x y) (h x y)])
     ([x y z] [(f x y z) (g x y z) (h x y z)])
     ([x y z & args] [(apply f x y z args) (apply g x y z args) (apply h x y z args)])))
  ([f g h & fs]
   (let [fs (list* f g h fs)]
     (fn [& args]
       (loop [ret [] fs fs]
         (if fs
           (recur (conj ret (apply (first fs) args)) (next fs))
           ret))))))

(defn memoize
  "Returns a memoized version of a referentially transparent function. The memoized
  version of the function keeps a cache of the mapping from arguments to results and,
  when calls with the same arguments are repeated often, has higher performance at the
  expense of higher memory use."
  [f]
  (let [mem (atom {})]
    (fn [& args]
      (let [e (find (deref mem) args)]
        (if e
          (val e)
          (let [ret (apply f args)]
            (swap! mem assoc args ret)
            ret))))))

(defn fnil
  "Takes a function f, and returns a function that calls f, replacing a nil first
  argument to f with the supplied value x. Higher arity versions can replace arguments
  in the second and third positions (y, z)."
  ([f x]
   (fn
     ([a] (f (if (nil? a) x a)))
     ([a b] (f (if (nil? a) x a) b))
     ([a b c] (f (if (nil? a) x a) b c))
     ([a b c & ds] (apply f (if (nil? a) x a) b c ds))))
  ([f x y]
   (fn
     ([a b] (f (if (nil? a) x a) (if (nil? b) y b)))
     ([a b c] (f (if (nil? a) x a) (if (nil? b) y b) c))
     ([a b c & ds] (apply f (if (nil? a) x a) (if (nil? b) y b) c ds))))
  ([f x y z]
   (fn
     ([a b] (f (if (nil? a) x a) (if (nil? b) y b)))
     ([a b c] (f (if (nil? a) x a) (if (nil? b) y b) (if (nil? c) z c)))
     ([a b c & ds] (apply f (if (nil? a) x a) (if (nil? b) y b) (if (nil? c) z c) ds)))))

(defn every-pred
  "Takes a set of predicates and returns a function f that returns true if all of its
  composing predicates return a logical true value against all of its arguments, else
  it returns false. Note that f is short-circuiting in that it will stop execution on
  the first argument that triggers a logical false result against the original
  predicates."
  [p & ps]
  (let [ps (cons p ps)]
    (fn [& args]
      (boolean (every? (fn [pred] (every? pred args)) ps)))))

(defn some-fn
  "Takes a set of predicates and returns a function f that returns the first logical
  true value returned by one of its composing predicates against any of its arguments,
  else it returns logical false. Note that f is short-circuiting in that it will stop
  execution on the first argument that triggers a logical true result against the
  original predicates."
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
  "trampoline can be used to convert algorithms requiring mutual recursion without stack
  consumption. Calls f with supplied args, if any. If f returns a fn, calls that fn with
  no arguments, and continues to repeat, until the return value is not a fn, then
  returns that non-fn value."
  ([f]
   (let [ret (f)]
     (if (fn? ret) (recur ret) ret)))
  ([f & args]
   (trampoline (fn [] (apply f args)))))

(defn max-key
  "Returns the x for which (k x), a number, is greatest. If there are multiple such xs,
  the last one is returned."
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
  "Returns the x for which (k x), a number, is least. If there are multiple such xs, the
  last one is returned."
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
  "Returns a vector consisting of the result of applying f to the set of first items of
  each coll, followed by applying f to the set of second items in each coll, until any
  one of the colls is exhausted. Any remaining items in other colls are ignored."
  ([f coll]
   (persistent! (reduce (fn [v o] (conj! v (f o))) (transient []) coll)))
  ([f c1 c2] (vec (map f c1 c2)))
  ([f c1 c2 c3] (vec (map f c1 c2 c3)))
  ([f c1 c2 c3 & colls] (vec (apply map f c1 c2 c3 colls))))

(defn filterv
  "Returns a vector of the items in coll for which (pred item) returns logical true."
  [pred coll]
  (persistent! (reduce (fn [v o] (if (pred o) (conj! v o) v)) (transient []) coll)))

(defn run!
  "Runs the supplied procedure (via reduce), for purposes of side effects, on successive
  items in the collection. Returns nil."
  [proc coll]
  (reduce (fn [_ x] (proc x)) nil coll)
  nil)

(defn sort-by
  "Returns a sorted sequence of the items in coll, where the sort order is determined by
  comparing (keyfn item). If no comparator is supplied, uses compare. Guaranteed to be
  stable: equal elements will not be reordered."
  ([keyfn coll] (sort-by keyfn compare coll))
  ([keyfn comp coll]
   (sort (fn [x y] (comp (keyfn x) (keyfn y))) coll)))

(defn rand-nth
  "Return a random element of the (sequential) collection. Will have the same
  performance characteristics as nth for the given collection."
  [coll]
  (nth coll (rand-int (count coll))))

(defn replace
  "Given a map of replacement pairs and a vector/collection, returns a vector/seq with
  any elements = a key in smap replaced with the corresponding val in smap."
  [smap coll]
  (if (vector? coll)
    (reduce (fn [v i]
              (let [e (find smap (nth v i))]
                (if e (assoc v i (val e)) v)))
            coll (range (count coll)))
    (map (fn [x] (let [e (find smap x)] (if e (val e) x))) coll)))

(defn distinct?
  "Returns true if no two of the arguments are ="
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
  "Returns a lazy sequence consisting of the result of applying f to 0 and the first
  item of coll, followed by applying f to 1 and the second item in coll, etc, until coll
  is exhausted. Thus function f should accept 2 arguments, index and item."
  [f coll]
  (let [step (fn step [i s]
               (lazy-seq
                 (when-let [s (seq s)]
                   (cons (f i (first s)) (step (inc i) (rest s))))))]
    (step 0 coll)))

(defn keep-indexed
  "Returns a lazy sequence of the non-nil results of (f index item). Note, this means
  false return values will be included. f must be free of side-effects."
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
  "Returns a vector of [(take n coll) (drop n coll)]"
  [n coll]
  [(take n coll) (drop n coll)])

(defn split-with
  "Returns a vector of [(take-while pred coll) (drop-while pred coll)]"
  [pred coll]
  [(take-while pred coll) (drop-while pred coll)])

(defn take-nth
  "Returns a lazy seq of every nth item in coll."
  [n coll]
  (lazy-seq
    (when-let [s (seq coll)]
      (cons (first s) (take-nth n (drop n s))))))

(defn take-last
  "Returns a seq of the last n items in coll. Depending on the type of coll may be no
  better than linear time. For vectors, see also subvec."
  [n coll]
  (loop [s (seq coll) lead (seq (drop n coll))]
    (if lead
      (recur (next s) (next lead))
      s)))

(defn drop-last
  "Return a lazy sequence of all but the last n (default 1) items in coll"
  ([coll] (drop-last 1 coll))
  ([n coll] (map (fn [x _] x) coll (drop n coll))))

(defn reductions
  "Returns a lazy seq of the intermediate values of the reduction (as per reduce) of coll
  by f, starting with init."
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
