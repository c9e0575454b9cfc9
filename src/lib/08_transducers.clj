;; 08_transducers.clj: transducers (SPEC L7): the reduced family, completing, transduce,
;; into with a transform, sequence, eduction, cat, and the transducer arities of the
;; seq functions. 01_seq.clj and 07_core_data.clj define the lazy versions; each
;; function here is redefined with its transducer arity added, delegating its other
;; arities to the lazy version (kept in a private var, -lazy-<name>).
;;
;; A transducer is a function rf -> rf', where a reducing function has three arities:
;; ([] init) ([result] completion) ([result input] step). Stateful transducers keep
;; their state in a volatile created when the transducer is applied to rf.

(defn unreduced
  "If x is reduced?, returns (deref x), else returns x"
  [x] (if (reduced? x) (-unreduced x) x))

(defn ensure-reduced
  "If x is already reduced?, returns it, else returns (reduced x)"
  [x] (if (reduced? x) x (reduced x)))

(defn- -preserving-reduced
  "rf, but a reduced result comes back wrapped twice, so that reduce inside a step
  function (cat) stops the outer reduction too."
  [rf]
  (fn [a b]
    (let [ret (rf a b)]
      (if (reduced? ret) (reduced ret) ret))))

(defn completing
  "Takes a reducing function f of 2 args and returns a fn suitable for transduce by
  adding an arity-1 signature that calls cf (default - identity) on the result
  argument."
  ([f] (completing f identity))
  ([f cf]
   (fn
     ([] (f))
     ([x] (cf x))
     ([x y] (f x y)))))

(defn transduce
  "reduce with a transformation of f (xf). If init is not supplied, (f) will be called
  to produce it. f should be a reducing step function that accepts both 1 and 2
  arguments. Returns the result of applying (the transformed) xf to init and the first
  item in coll, then applying xf to that result and the 2nd item, etc. If coll contains
  no items, returns init and f is not called. Note that certain transforms may inject
  or skip items."
  ([xform f coll] (transduce xform f (f) coll))
  ([xform f init coll]
   (let [f (xform f)
         ret (reduce f init coll)]
     (f ret))))

(defn cat
  "A transducer which concatenates the contents of each input, which must be a
  collection, into the reduction."
  [rf]
  (let [rrf (-preserving-reduced rf)]
    (fn
      ([] (rf))
      ([result] (rf result))
      ([result input] (reduce rrf result input)))))

(def ^:private -lazy-into into)

(defn into
  "Returns a new coll consisting of to-coll with all of the items of from-coll
  conjoined. A transducer may be supplied."
  ([] [])
  ([to] to)
  ([to from]
   (if (-editable? to)
     (let [t (transient to)
           r (persistent! (if (vector? from) (-conj-all! t from) (reduce conj! t from)))
           tm (meta to)]
       (if (nil? tm) r (with-meta r tm)))
     (-lazy-into to from)))
  ([to xform from]
   (if (-editable? to)
     (let [tm (meta to)
           rf (fn
                ([coll] (with-meta (persistent! coll) tm))
                ([coll v] (conj! coll v)))]
       (transduce xform rf (transient to) from))
     (transduce xform conj to from))))

(defn- -transformed-seq
  "The lazy seq of what xform makes of the items of s, pulled one at a time as the seq
  is consumed: (feed rf item) hands one item to the transformed reducing function,
  whose outputs collect in a buffer that the seq drains before pulling again."
  [xform s feed]
  (let [buf (volatile! [])
        rf (xform (fn
                    ([acc] acc)
                    ([acc x] (vreset! buf (conj (deref buf) x)) acc)))
        done (reduced nil)
        step (fn step [s]
               (lazy-seq
                 (loop [s s]
                   (let [b (deref buf)]
                     (cond
                       (seq b) (do (vreset! buf []) (concat b (step s)))
                       (identical? s done) nil
                       :else (let [xs (seq s)]
                               (if xs
                                 (if (reduced? (feed rf (first xs)))
                                   (do (rf nil) (recur done))
                                   (recur (rest xs)))
                                 (do (rf nil) (recur done)))))))))]
    (step s)))

(defn sequence
  "Coerces coll to a (possibly empty) sequence, if it is not already one. Will not force
  a lazy seq. (sequence nil) yields (). When a transducer is supplied, returns a lazy
  sequence of applications of the transform to the items in coll(s), i.e. to the set of
  first items of each coll, followed by the set of second items in each coll, until any
  one of the colls is exhausted. Any remaining items in other colls are ignored. The
  transform is applied one input at a time, as the sequence is consumed."
  ([coll] (if (seq? coll) coll (or (seq coll) ())))
  ([xform coll]
   (-transformed-seq xform coll (fn [rf x] (rf nil x))))
  ([xform coll & colls]
   (-transformed-seq xform (apply map list coll colls) (fn [rf xs] (apply rf nil xs)))))

(defn eduction
  "Returns a reducible/iterable application of the transducers to the items in coll.
  Transducers are applied in order as if combined with comp. In Clove this is a lazy
  sequence (sequence (apply comp xforms) coll), so it is cached once walked."
  [& xforms]
  (let [coll (last xforms)
        xs (butlast xforms)]
    (sequence (apply comp xs) coll)))

;; ---- transducer arities of the seq functions ----

(def ^:private -lazy-map map)
(defn map
  "Returns a lazy sequence consisting of the result of applying f to the set of first
  items of each coll, followed by applying f to the set of second items in each coll,
  until any one of the colls is exhausted. Any remaining items in other colls are
  ignored. Function f should accept number-of-colls arguments. Returns a transducer when
  no collection is provided."
  ([f]
   (fn [rf]
     (fn
       ([] (rf))
       ([result] (rf result))
       ([result input] (rf result (f input)))
       ([result input & inputs] (rf result (apply f input inputs))))))
  ([f coll] (-lazy-map f coll))
  ([f c1 c2] (-lazy-map f c1 c2))
  ([f c1 c2 c3] (-lazy-map f c1 c2 c3))
  ([f c1 c2 c3 & colls] (apply -lazy-map f c1 c2 c3 colls)))

(def ^:private -lazy-filter filter)
(defn filter
  "Returns a lazy sequence of the items in coll for which (pred item) returns logical
  true. pred must be free of side-effects. Returns a transducer when no collection is
  provided."
  ([pred]
   (fn [rf]
     (fn
       ([] (rf))
       ([result] (rf result))
       ([result input] (if (pred input) (rf result input) result)))))
  ([pred coll] (-lazy-filter pred coll)))

(defn remove
  "Returns a lazy sequence of the items in coll for which (pred item) returns logical
  false. pred must be free of side-effects. Returns a transducer when no collection is
  provided."
  ([pred] (filter (complement pred)))
  ([pred coll] (filter (complement pred) coll)))

(def ^:private -lazy-keep keep)
(defn keep
  "Returns a lazy sequence of the non-nil results of (f item). Note, this means false
  return values will be included. f must be free of side-effects. Returns a transducer
  when no collection is provided."
  ([f]
   (fn [rf]
     (fn
       ([] (rf))
       ([result] (rf result))
       ([result input]
        (let [v (f input)]
          (if (nil? v) result (rf result v)))))))
  ([f coll] (-lazy-keep f coll)))

(def ^:private -lazy-take take)
(defn take
  "Returns a lazy sequence of the first n items in coll, or all items if there are fewer
  than n. Returns a stateful transducer when no collection is provided."
  ([n]
   (fn [rf]
     (let [nv (volatile! n)]
       (fn
         ([] (rf))
         ([result] (rf result))
         ([result input]
          (let [n (deref nv)
                nn (vreset! nv (dec n))
                result (if (pos? n) (rf result input) result)]
            (if (not (pos? nn)) (ensure-reduced result) result)))))))
  ([n coll] (-lazy-take n coll)))

(def ^:private -lazy-take-while take-while)
(defn take-while
  "Returns a lazy sequence of successive items from coll while (pred item) returns
  logical true. pred must be free of side-effects. Returns a transducer when no
  collection is provided."
  ([pred]
   (fn [rf]
     (fn
       ([] (rf))
       ([result] (rf result))
       ([result input] (if (pred input) (rf result input) (reduced result))))))
  ([pred coll] (-lazy-take-while pred coll)))

(def ^:private -lazy-drop drop)
(defn drop
  "Returns a lazy sequence of all but the first n items in coll. Returns a stateful
  transducer when no collection is provided."
  ([n]
   (fn [rf]
     (let [nv (volatile! n)]
       (fn
         ([] (rf))
         ([result] (rf result))
         ([result input]
          (let [n (deref nv)]
            (vreset! nv (dec n))
            (if (pos? n) result (rf result input))))))))
  ([n coll] (-lazy-drop n coll)))

(def ^:private -lazy-drop-while drop-while)
(defn drop-while
  "Returns a lazy sequence of the items in coll starting from the first item for which
  (pred item) returns logical false. Returns a stateful transducer when no collection is
  provided."
  ([pred]
   (fn [rf]
     (let [dv (volatile! true)]
       (fn
         ([] (rf))
         ([result] (rf result))
         ([result input]
          (if (and (deref dv) (pred input))
            result
            (do (vreset! dv nil) (rf result input))))))))
  ([pred coll] (-lazy-drop-while pred coll)))

(def ^:private -lazy-take-nth take-nth)
(defn take-nth
  "Returns a lazy seq of every nth item in coll. Returns a stateful transducer when no
  collection is provided."
  ([n]
   (fn [rf]
     (let [iv (volatile! -1)]
       (fn
         ([] (rf))
         ([result] (rf result))
         ([result input]
          (let [i (vreset! iv (inc (deref iv)))]
            (if (zero? (rem i n)) (rf result input) result)))))))
  ([n coll] (-lazy-take-nth n coll)))

(def ^:private -lazy-partition-all partition-all)
(defn partition-all
  "Returns a lazy sequence of lists like partition, but may include partitions with
  fewer than n items at the end. Returns a stateful transducer when no collection is
  provided."
  ([n]
   (fn [rf]
     (let [a (volatile! [])]
       (fn
         ([] (rf))
         ([result]
          (let [v (deref a)
                result (if (zero? (count v))
                         result
                         (do (vreset! a []) (unreduced (rf result v))))]
            (rf result)))
         ([result input]
          (let [v (vreset! a (conj (deref a) input))]
            (if (= n (count v))
              (do (vreset! a []) (rf result v))
              result)))))))
  ([n coll] (-lazy-partition-all n coll))
  ([n step coll] (-lazy-partition-all n step coll)))

(def ^:private -lazy-partition-by partition-by)
(defn partition-by
  "Applies f to each value in coll, splitting it each time f returns a new value.
  Returns a lazy seq of partitions. Returns a stateful transducer when no collection is
  provided."
  ([f]
   (fn [rf]
     (let [a (volatile! [])
           none (reduced nil)
           pv (volatile! none)]
       (fn
         ([] (rf))
         ([result]
          (let [v (deref a)
                result (if (zero? (count v))
                         result
                         (do (vreset! a []) (unreduced (rf result v))))]
            (rf result)))
         ([result input]
          (let [pval (deref pv)
                val (f input)]
            (vreset! pv val)
            (if (or (identical? pval none) (= val pval))
              (do (vreset! a (conj (deref a) input)) result)
              (let [v (deref a)
                    ret (rf result v)]
                (vreset! a [])
                (when-not (reduced? ret) (vreset! a [input]))
                ret))))))))
  ([f coll] (-lazy-partition-by f coll)))

(def ^:private -lazy-distinct distinct)
(defn distinct
  "Returns a lazy sequence of the elements of coll with duplicates removed. Returns a
  stateful transducer when no collection is provided."
  ([]
   (fn [rf]
     (let [seen (volatile! #{})]
       (fn
         ([] (rf))
         ([result] (rf result))
         ([result input]
          (if (contains? (deref seen) input)
            result
            (do (vreset! seen (conj (deref seen) input))
                (rf result input))))))))
  ([coll] (-lazy-distinct coll)))

(def ^:private -lazy-dedupe dedupe)
(defn dedupe
  "Returns a lazy sequence removing consecutive duplicates in coll. Returns a transducer
  when no collection is provided."
  ([]
   (fn [rf]
     (let [none (reduced nil)
           pv (volatile! none)]
       (fn
         ([] (rf))
         ([result] (rf result))
         ([result input]
          (let [prior (deref pv)]
            (vreset! pv input)
            (if (= prior input) result (rf result input))))))))
  ([coll] (-lazy-dedupe coll)))

(def ^:private -lazy-interpose interpose)
(defn interpose
  "Returns a lazy seq of the elements of coll separated by sep. Returns a stateful
  transducer when no collection is provided."
  ([sep]
   (fn [rf]
     (let [started (volatile! false)]
       (fn
         ([] (rf))
         ([result] (rf result))
         ([result input]
          (if (deref started)
            (let [sepr (rf result sep)]
              (if (reduced? sepr) sepr (rf sepr input)))
            (do (vreset! started true) (rf result input))))))))
  ([sep coll] (-lazy-interpose sep coll)))

(def ^:private -lazy-mapcat mapcat)
(defn mapcat
  "Returns the result of applying concat to the result of applying map to f and colls.
  Thus function f should return a collection. Returns a transducer when no collections
  are provided."
  ([f] (comp (map f) cat))
  ([f & colls] (apply -lazy-mapcat f colls)))

(def ^:private -lazy-map-indexed map-indexed)
(defn map-indexed
  "Returns a lazy sequence consisting of the result of applying f to 0 and the first
  item of coll, followed by applying f to 1 and the second item in coll, etc, until coll
  is exhausted. Thus function f should accept 2 arguments, index and item. Returns a
  stateful transducer when no collection is provided."
  ([f]
   (fn [rf]
     (let [iv (volatile! -1)]
       (fn
         ([] (rf))
         ([result] (rf result))
         ([result input] (rf result (f (vreset! iv (inc (deref iv))) input)))))))
  ([f coll] (-lazy-map-indexed f coll)))

(def ^:private -lazy-keep-indexed keep-indexed)
(defn keep-indexed
  "Returns a lazy sequence of the non-nil results of (f index item). Note, this means
  false return values will be included. f must be free of side-effects. Returns a
  stateful transducer when no collection is provided."
  ([f]
   (fn [rf]
     (let [iv (volatile! -1)]
       (fn
         ([] (rf))
         ([result] (rf result))
         ([result input]
          (let [v (f (vreset! iv (inc (deref iv))) input)]
            (if (nil? v) result (rf result v))))))))
  ([f coll] (-lazy-keep-indexed f coll)))

(def ^:private -lazy-replace replace)
(defn replace
  "Given a map of replacement pairs and a vector/collection, returns a vector/seq with
  any elements = a key in smap replaced with the corresponding val in smap. Returns a
  transducer when no collection is provided."
  ([smap] (map (fn [x] (let [e (find smap x)] (if e (val e) x)))))
  ([smap coll] (-lazy-replace smap coll)))

(defn halt-when
  "Returns a transducer that ends transduction when pred returns true for an input.
  When retf is supplied it must be a fn of 2 arguments - it will be passed the
  (completed) result so far and the input that triggered the predicate, and its return
  value (if it does not throw an exception) will be the return value of the transducer.
  If retf is not supplied, the input that triggered the predicate will be returned. If
  the predicate never returns true the transduction is unaffected."
  ([pred] (halt-when pred nil))
  ([pred retf]
   (fn [rf]
     (fn
       ([] (rf))
       ([result]
        (if (and (map? result) (contains? result ::halt))
          (get result ::halt)
          (rf result)))
       ([result input]
        (if (pred input)
          (reduced {::halt (if retf (retf (rf result) input) input)})
          (rf result input)))))))
