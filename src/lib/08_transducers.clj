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
  "Takes the value out of a reduced wrapper; any other x is given back as it is."
  [x] (if (reduced? x) (-unreduced x) x))

(defn ensure-reduced
  "Wraps x with reduced unless it is already a reduced value, so that it is wrapped
  exactly once."
  [x] (if (reduced? x) x (reduced x)))

(defn- -preserving-reduced
  "rf, but a reduced result comes back wrapped twice, so that reduce inside a step
  function (cat) stops the outer reduction too."
  [rf]
  (fn [a b]
    (let [ret (rf a b)]
      (if (reduced? ret) (reduced ret) ret))))

(defn completing
  "Turns a two-argument reducing function f into one usable with transduce by adding a
  one-argument completion step that calls cf on the final result (identity when cf is
  left out). The zero- and two-argument calls go to f."
  ([f] (completing f identity))
  ([f cf]
   (fn
     ([] (f))
     ([x] (cf x))
     ([x y] (f x y)))))

(defn transduce
  "Reduces coll like reduce, but through the transducer xform applied to the reducing
  function f. The starting value is init, or (f) when init is left out; after the last
  item the completion arity (f result) runs once on the result. The transducer may
  drop, add or change items, or stop the reduction early."
  ([xform f coll] (transduce xform f (f) coll))
  ([xform f init coll]
   (let [f (xform f)
         ret (reduce f init coll)]
     (f ret))))

(defn cat
  "Transducer that splices every input into the reduction item by item, flattening one
  level; each input has to be a collection (or nil)."
  [rf]
  (let [rrf (-preserving-reduced rf)]
    (fn
      ([] (rf))
      ([result] (rf result))
      ([result input] (reduce rrf result input)))))

(def ^:private -lazy-into into)

(defn- -subvec-into
  "(into sv from) for a subvec view sv, which is not editable: sv's items and from's in a
  new vector built through a transient, viewed whole, with sv's metadata. The same items,
  class and metadata as conj'ing each item onto sv (SubVector.cons) without copying a
  path of the viewed vector for each item."
  [sv from]
  (let [t (-conj-all! (transient []) sv)
        v (persistent! (if (vector? from) (-conj-all! t from) (reduce conj! t from)))
        tm (meta sv)
        r (subvec v 0 (count v))]
    (if (nil? tm) r (with-meta r tm))))

(defn into
  "Adds each item of from onto the collection to with conj and returns the result, so
  the type of to decides where items go (end of a vector, front of a list, keys of a
  map). With xform, the items pass through that transducer first. The metadata of to is
  kept."
  ([] [])
  ([to] to)
  ([to from]
   (if-some [r (-into-vector to from)]  ; from a vector onto a vector, map, set or view
     r
     (if (-editable? to)
       (let [t (transient to)
             r (persistent! (reduce conj! t from))
             tm (meta to)]
         (if (nil? tm) r (with-meta r tm)))
       (if (-subvec? to) (-subvec-into to from) (-lazy-into to from)))))
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
  "With one argument, gives coll as a seq without realizing a lazy seq, and () rather
  than nil for an empty coll. With a transducer, gives a lazy seq of what xform
  produces from the items of coll, computed a little at a time as the seq is walked;
  with several colls the transducer is fed their items in step, up to the end of the
  shortest."
  ([coll] (if (seq? coll) coll (or (seq coll) ())))
  ([xform coll]
   (-transformed-seq xform coll (fn [rf x] (rf nil x))))
  ([xform coll & colls]
   (-transformed-seq xform (apply map list coll colls) (fn [rf xs] (apply rf nil xs)))))

(defn eduction
  "Applies the transducers, composed left to right as comp would, to the items of the
  coll given last. In Clove this is a lazy sequence, (sequence (apply comp xforms)
  coll), so it is cached once walked rather than recomputed on each reduce."
  [& xforms]
  (let [coll (last xforms)
        xs (butlast xforms)]
    (sequence (apply comp xs) coll)))

;; ---- transducer arities of the seq functions ----
;;
;; Each transducer arity is (fn [rf] ...) around -rf, which fills in the arities that
;; only pass through: (rf) to start, and (rf acc) to complete unless the transducer
;; has its own completion. State lives in volatiles made when rf is given, so one
;; transducer can be applied to several reductions.

(defmacro ^:private -rf
  "The reducing function a transducer makes of the downstream rf: the given arity
  clauses (a step ([acc x] ...), and a completion ([acc] ...) when the transducer
  flushes state at the end), plus ([] (rf)) and, without a completion clause,
  ([acc] (rf acc))."
  [rf & arities]
  (let [completes? (some (fn [clause] (= 1 (count (first clause)))) arities)]
    `(fn ([] (~rf))
       ~@(when-not completes? [`([acc#] (~rf acc#))])
       ~@arities)))

(defn- -next-index!
  "The count held by the volatile v (the input's position), which is then increased."
  [v]
  (let [i (deref v)]
    (vreset! v (inc i))
    i))

(defn- -flush-group!
  "The completion of a grouping transducer: hands the group collected in the volatile
  buf (when not empty) to rf, then completes rf."
  [rf buf acc]
  (let [group (deref buf)]
    (rf (if (zero? (count group))
          acc
          (do (vreset! buf []) (unreduced (rf acc group)))))))

(def ^:private -lazy-map map)
(defn map
  "Lazily applies f to the items of one or more colls taken in step: the result holds (f
  a0 b0 ...), then (f a1 b1 ...), and so on. f takes as many arguments as there are
  colls; the seq ends with the shortest coll. (map f) alone is a transducer."
  ([f]
   (fn [rf]
     (-rf rf
          ([acc x] (rf acc (f x)))
          ([acc x & more] (rf acc (apply f x more))))))
  ([f coll] (-lazy-map f coll))
  ([f c1 c2] (-lazy-map f c1 c2))
  ([f c1 c2 c3] (-lazy-map f c1 c2 c3))
  ([f c1 c2 c3 & colls] (apply -lazy-map f c1 c2 c3 colls)))

(def ^:private -lazy-filter filter)
(defn filter
  "Lazy seq of only those items x of coll for which (pred x) is truthy, in their
  original order; pred should have no side effects. (filter pred) alone is a
  transducer."
  ([pred] (fn [rf] (-rf rf ([acc x] (if (pred x) (rf acc x) acc)))))
  ([pred coll] (-lazy-filter pred coll)))

(defn remove
  "Lazy seq of the items x of coll for which (pred x) is false or nil, the opposite of
  filter. (remove pred) alone is a transducer."
  ([pred] (filter (complement pred)))
  ([pred coll] (filter (complement pred) coll)))

(def ^:private -lazy-keep keep)
(defn keep
  "Lazy seq of (f x) for each x of coll, leaving out the nil results (false results are
  kept). (keep f) alone is a transducer."
  ([f]
   (fn [rf]
     (-rf rf ([acc x] (let [y (f x)] (if (nil? y) acc (rf acc y)))))))
  ([f coll] (-lazy-keep f coll)))

(def ^:private -lazy-take take)
(defn take
  "Lazy seq of at most n items: the first n of coll, or all of coll when it is shorter.
  (take n) alone is a stateful transducer."
  ([n]
   (fn [rf]
     (let [left (volatile! n)]
       ;; An input is passed on while the count before it is positive; the reduction
       ;; ends as soon as the count after it is not (at once for n <= 0).
       (-rf rf
            ([acc x]
             (let [before (deref left)
                   after (vreset! left (dec before))
                   acc (if (pos? before) (rf acc x) acc)]
               (if (pos? after) acc (ensure-reduced acc))))))))
  ([n coll] (-lazy-take n coll)))

(def ^:private -lazy-take-while take-while)
(defn take-while
  "Lazy seq of the leading items of coll that satisfy pred; it stops just before the
  first item for which pred is falsy. (take-while pred) alone is a transducer."
  ([pred] (fn [rf] (-rf rf ([acc x] (if (pred x) (rf acc x) (reduced acc))))))
  ([pred coll] (-lazy-take-while pred coll)))

(def ^:private -lazy-drop drop)
(defn drop
  "Lazy seq of coll without its first n items; empty when coll has n items or fewer.
  (drop n) alone is a stateful transducer."
  ([n]
   (fn [rf]
     (let [left (volatile! n)]
       (-rf rf
            ([acc x]
             (if (pos? (deref left))
               (do (vswap! left dec) acc)
               (rf acc x)))))))
  ([n coll] (-lazy-drop n coll)))

(def ^:private -lazy-drop-while drop-while)
(defn drop-while
  "Lazy seq that skips the leading items of coll that satisfy pred and yields everything
  from the first failing item on. (drop-while pred) alone is a stateful transducer."
  ([pred]
   (fn [rf]
     (let [dropping (volatile! true)]
       (-rf rf
            ([acc x]
             (if (and (deref dropping) (pred x))
               acc
               (do (vreset! dropping false) (rf acc x))))))))
  ([pred coll] (-lazy-drop-while pred coll)))

(def ^:private -lazy-take-nth take-nth)
(defn take-nth
  "Lazy seq of the items of coll at positions 0, n, 2n and so on. (take-nth n) alone is
  a stateful transducer."
  ([n]
   (fn [rf]
     (let [position (volatile! 0)]
       (-rf rf
            ([acc x] (if (zero? (rem (-next-index! position) n)) (rf acc x) acc))))))
  ([n coll] (-lazy-take-nth n coll)))

(def ^:private -lazy-partition-all partition-all)
(defn partition-all
  "Lazy seq of lists of n consecutive items of coll, each starting step items after the
  previous (step defaults to n); unlike partition, a short final group is kept.
  (partition-all n) alone is a stateful transducer."
  ([n]
   (fn [rf]
     (let [buf (volatile! [])]
       (-rf rf
            ([acc x]
             (let [group (vswap! buf conj x)]
               (if (= n (count group))
                 (do (vreset! buf []) (rf acc group))
                 acc)))
            ([acc] (-flush-group! rf buf acc))))))
  ([n coll] (-lazy-partition-all n coll))
  ([n step coll] (-lazy-partition-all n step coll)))

(def ^:private -lazy-partition-by partition-by)
(defn partition-by
  "Splits coll lazily into runs of adjacent items on which f gives equal results; a new
  list starts whenever (f x) changes from the previous item's value. (partition-by f)
  alone is a stateful transducer."
  ([f]
   (fn [rf]
     (let [buf (volatile! [])
           started (volatile! false)
           last-key (volatile! nil)]
       (-rf rf
            ([acc x]
             (let [k (f x)
                   same-run (or (not (deref started)) (= k (deref last-key)))]
               (vreset! started true)
               (vreset! last-key k)
               (if same-run
                 (do (vswap! buf conj x) acc)
                 (let [ret (rf acc (deref buf))]
                   ;; after a reduced result nothing more is kept for the completion
                   (vreset! buf (if (reduced? ret) [] [x]))
                   ret))))
            ([acc] (-flush-group! rf buf acc))))))
  ([f coll] (-lazy-partition-by f coll)))

(def ^:private -lazy-distinct distinct)
(defn distinct
  "Lazy seq of the items of coll with repeats left out: each value appears only at its
  first occurrence. (distinct) with no argument is a stateful transducer."
  ([]
   (fn [rf]
     (let [seen (volatile! #{})]
       (-rf rf
            ([acc x]
             (if (contains? (deref seen) x)
               acc
               (do (vswap! seen conj x) (rf acc x))))))))
  ([coll] (-lazy-distinct coll)))

(def ^:private -lazy-dedupe dedupe)
(defn dedupe
  "Lazy seq of coll in which a run of equal adjacent items is collapsed to a single
  item. (dedupe) with no argument is a stateful transducer."
  ([]
   (fn [rf]
     (let [started (volatile! false)
           previous (volatile! nil)]
       (-rf rf
            ([acc x]
             (let [repeat? (and (deref started) (= x (deref previous)))]
               (vreset! started true)
               (vreset! previous x)
               (if repeat? acc (rf acc x))))))))
  ([coll] (-lazy-dedupe coll)))

(def ^:private -lazy-interpose interpose)
(defn interpose
  "Lazy seq of the items of coll with sep placed between each pair of neighbours.
  (interpose sep) alone is a stateful transducer."
  ([sep]
   (fn [rf]
     (let [first-input (volatile! true)]
       (-rf rf
            ([acc x]
             (if (deref first-input)
               (do (vreset! first-input false) (rf acc x))
               (let [with-sep (rf acc sep)]
                 (if (reduced? with-sep) with-sep (rf with-sep x)))))))))
  ([sep coll] (-lazy-interpose sep coll)))

(def ^:private -lazy-mapcat mapcat)
(defn mapcat
  "Calls f on the items of the colls as map does and joins the collections f returns end
  to end into one lazy seq. (mapcat f) alone is a transducer, (comp (map f) cat)."
  {:arglists '([f] [f & colls])}
  ([f] (comp (map f) cat))
  ([f coll] (-lazy-mapcat f coll))
  ([f coll & colls] (apply -lazy-mapcat f coll colls)))

(def ^:private -lazy-map-indexed map-indexed)
(defn map-indexed
  "Lazy seq of (f i x) for each item x of coll, where i is the position of x counting
  from 0. (map-indexed f) alone is a stateful transducer."
  ([f]
   (fn [rf]
     (let [position (volatile! 0)]
       (-rf rf ([acc x] (rf acc (f (-next-index! position) x)))))))
  ([f coll] (-lazy-map-indexed f coll)))

(def ^:private -lazy-keep-indexed keep-indexed)
(defn keep-indexed
  "Lazy seq of the results of (f i x), with i the position of x in coll from 0, leaving
  out the nil results; false results stay. (keep-indexed f) alone is a stateful
  transducer."
  ([f]
   (fn [rf]
     (let [position (volatile! 0)]
       (-rf rf
            ([acc x]
             (let [y (f (-next-index! position) x)]
               (if (nil? y) acc (rf acc y))))))))
  ([f coll] (-lazy-keep-indexed f coll)))

(def ^:private -lazy-replace replace)
(defn replace
  "Substitutes values using the map smap: each item of coll that is a key of smap is
  replaced by the value it maps to. A vector gives a vector back, any other coll a lazy
  seq. (replace smap) alone is a transducer."
  ([smap] (map (fn [x] (if-let [e (find smap x)] (val e) x))))
  ([smap coll] (-lazy-replace smap coll)))

(defn halt-when
  "Transducer that stops the whole transduction at the first input for which pred is
  truthy. The result is then that input, or, when retf is given, (retf result-so-far
  input) with the result so far already completed. If pred never fires, the transducer
  changes nothing."
  ([pred] (halt-when pred nil))
  ([pred retf]
   (fn [rf]
     (-rf rf
          ([acc x]
           (if (pred x)
             (reduced {::halt (if retf (retf (rf acc) x) x)})
             (rf acc x)))
          ([acc]
           ;; a halted reduction's result is the halting value, not completed again
           (if (and (map? acc) (contains? acc ::halt))
             (get acc ::halt)
             (rf acc)))))))
