;; 01_seq.clj: the seq library of clojure.core, written in Clove (SPEC L7): lazy-seq
;; and the lazy sequence functions, reduce, into, and friends. Everything here is
;; stackless (plain Clove code), so callbacks never grow the C++ stack.

(declare every? nthrest tree-seq doall)

(defmacro lazy-seq
  "Takes a body of expressions that returns an ISeq or nil, and yields a Seqable object
  that will invoke the body only the first time seq is called, and will cache the
  result and return it on all subsequent seq calls."
  [& body]
  ;; ^{:once true}: the thunk runs at most once, so it gives up what it closed over as
  ;; it goes (a thunk that walks a long seq does not hold the seq's head).
  (list 'clojure.core/-make-lazy-seq (list* (with-meta 'fn* {:once true}) [] body)))

(defn reduce
  "f should be a function of 2 arguments. If val is not supplied, returns the result of
  applying f to the first 2 items in coll, then applying f to that result and the 3rd
  item, etc. If coll contains no items, f must accept no arguments as well, and reduce
  returns the result of calling f with no arguments. If val is supplied, returns the
  result of applying f to val and the first item in coll, then applying f to that result
  and the 2nd item, etc. Stops early on a reduced value."
  ([f coll]
   (let [s (seq coll)]
     (if s
       (reduce f (first s) (next s))
       (f))))
  ([f val coll]
   ;; Chunked seqs (ranges, vectors, chunked map/filter results) are walked a chunk at
   ;; a time, as clojure.core/reduce does through IChunk.reduce.
   (loop [s (seq coll) acc val]
     (if s
       (if (chunked-seq? s)
         (let [c (chunk-first s)
               n (count c)
               acc (loop [i 0 acc acc]
                     (if (< i n)
                       (let [acc (f acc (nth c i))]
                         (if (reduced? acc) acc (recur (inc i) acc)))
                       acc))]
           (if (reduced? acc) (-unreduced acc) (recur (chunk-next s) acc)))
         (let [acc (f acc (first s))]
           (if (reduced? acc) (-unreduced acc) (recur (next s) acc))))
       acc))))

(defn map
  "Returns a lazy sequence consisting of the result of applying f to the set of first
  items of each coll, followed by applying f to the set of second items in each coll,
  until any one of the colls is exhausted."
  ([f coll]
   (lazy-seq
     (when-let [s (seq coll)]
       (if (chunked-seq? s)
         (let [c (chunk-first s)
               n (count c)
               b (chunk-buffer n)]
           (loop [i 0]
             (when (< i n)
               (chunk-append b (f (nth c i)))
               (recur (inc i))))
           (chunk-cons (chunk b) (map f (chunk-rest s))))
         (cons (f (first s)) (map f (rest s)))))))
  ([f c1 c2]
   (lazy-seq
     (let [s1 (seq c1) s2 (seq c2)]
       (when (and s1 s2)
         (cons (f (first s1) (first s2)) (map f (rest s1) (rest s2)))))))
  ([f c1 c2 c3]
   (lazy-seq
     (let [s1 (seq c1) s2 (seq c2) s3 (seq c3)]
       (when (and s1 s2 s3)
         (cons (f (first s1) (first s2) (first s3)) (map f (rest s1) (rest s2) (rest s3)))))))
  ([f c1 c2 c3 & colls]
   (let [step (fn step [cs]
                (lazy-seq
                  (let [ss (map seq cs)]
                    (when (every? identity ss)
                      (cons (map first ss) (step (map rest ss)))))))]
     (map (fn [args] (apply f args)) (step (list* c1 c2 c3 colls))))))

(defn filter
  "Returns a lazy sequence of the items in coll for which (pred item) returns logical true."
  [pred coll]
  (lazy-seq
    (when-let [s (seq coll)]
      (if (chunked-seq? s)
        (let [c (chunk-first s)
              n (count c)
              b (chunk-buffer n)]
          (loop [i 0]
            (when (< i n)
              (let [x (nth c i)]
                (when (pred x) (chunk-append b x)))
              (recur (inc i))))
          (chunk-cons (chunk b) (filter pred (chunk-rest s))))
        (loop [s s]
          (when s
            (let [x (first s)]
              (if (pred x)
                (cons x (filter pred (rest s)))
                (recur (next s))))))))))

(defn remove
  "Returns a lazy sequence of the items in coll for which (pred item) returns logical false."
  [pred coll]
  (filter (fn [x] (not (pred x))) coll))

(defn keep
  "Returns a lazy sequence of the non-nil results of (f item)."
  [f coll]
  (lazy-seq
    (when-let [s (seq coll)]
      (if (chunked-seq? s)
        (let [c (chunk-first s)
              n (count c)
              b (chunk-buffer n)]
          (loop [i 0]
            (when (< i n)
              (let [x (f (nth c i))]
                (when-not (nil? x) (chunk-append b x)))
              (recur (inc i))))
          (chunk-cons (chunk b) (keep f (chunk-rest s))))
        (loop [s s]
          (when s
            (let [x (f (first s))]
              (if (nil? x)
                (recur (next s))
                (cons x (keep f (rest s)))))))))))

(defn every?
  "Returns true if (pred x) is logical true for every x in coll, else false."
  [pred coll]
  (loop [s (seq coll)]
    (cond (nil? s) true
          (pred (first s)) (recur (next s))
          :else false)))

(defn some
  "Returns the first logical true value of (pred x) for any x in coll, else nil."
  [pred coll]
  (loop [s (seq coll)]
    (when s
      (or (pred (first s)) (recur (next s))))))

(defn not-every?
  "Returns false if (pred x) is logical true for every x in coll, else true."
  [pred coll] (not (every? pred coll)))

(defn not-any?
  "Returns false if (pred x) is logical true for any x in coll, else true."
  [pred coll] (not (some pred coll)))

(defn take
  "Returns a lazy sequence of the first n items in coll, or all items if there are fewer than n."
  [n coll]
  (lazy-seq
    (when (pos? n)
      (when-let [s (seq coll)]
        (cons (first s) (take (dec n) (rest s)))))))

(defn drop
  "Returns a lazy sequence of all but the first n items in coll."
  [n coll]
  (lazy-seq
    (loop [n n s (seq coll)]
      (if (and (pos? n) s)
        (recur (dec n) (next s))
        s))))

(defn take-while
  "Returns a lazy sequence of successive items from coll while (pred item) returns logical true."
  [pred coll]
  (lazy-seq
    (when-let [s (seq coll)]
      (when (pred (first s))
        (cons (first s) (take-while pred (rest s)))))))

(defn drop-while
  "Returns a lazy sequence of the items in coll starting from the first item for which
  (pred item) returns logical false."
  [pred coll]
  (lazy-seq
    (loop [s (seq coll)]
      (if (and s (pred (first s)))
        (recur (next s))
        s))))

(defn iterate
  "Returns a lazy sequence of x, (f x), (f (f x)) etc."
  [f x]
  (lazy-seq (cons x (iterate f (f x)))))

(defn repeat
  "Returns a lazy (infinite!, or length n if supplied) sequence of xs."
  ([x] (lazy-seq (cons x (repeat x))))
  ([n x] (take (long n) (repeat x))))

(defn repeatedly
  "Takes a function of no args, presumably with side effects, and returns an infinite
  (or length n if supplied) lazy sequence of calls to it."
  ([f] (lazy-seq (cons (f) (repeatedly f))))
  ([n f] (take n (repeatedly f))))

(defn range
  "Returns a lazy seq of nums from start (inclusive) to end (exclusive), by step, where
  start defaults to 0, step to 1, and end to infinity."
  ([] (iterate inc 0))
  ([end] (range 0 end 1))
  ([start end] (range start end 1))
  ([start end step]
   (or (-long-range start end step)
       ;; Like Clojure's Range/create: bad arguments fail now, not when realized.
       (let [bad (if (number? start) (if (number? end) (if (number? step) ::ok step) end) start)]
         (cond (= bad ::ok) nil
               (nil? bad) (throw (NullPointerException. "Cannot perform arithmetic on nil"))
               :else (throw (ClassCastException.
                              (str "class " (class bad) " cannot be cast to class java.lang.Number")))))
       (lazy-seq
         (when (if (pos? step) (< start end) (if (neg? step) (> start end) (not= start end)))
           (cons start (range (+ start step) end step)))))))

(defn cycle
  "Returns a lazy (infinite!) sequence of repetitions of the items in coll."
  [coll]
  (lazy-seq
    (when (seq coll)
      (concat coll (cycle coll)))))

(defn concat
  "Returns a lazy seq representing the concatenation of the elements in the supplied colls."
  ([] (lazy-seq nil))
  ([x] (lazy-seq x))
  ([x y]
   (lazy-seq
     (let [s (seq x)]
       (if s
         (cons (first s) (concat (rest s) y))
         y))))
  ([x y & zs]
   (let [cat (fn cat [xys zs]
               (lazy-seq
                 (let [xys (seq xys)]
                   (if xys
                     (cons (first xys) (cat (rest xys) zs))
                     (when zs
                       (cat (first zs) (next zs)))))))]
     (cat (concat x y) zs))))

(defn mapcat
  "Returns the result of applying concat to the result of applying map to f and colls."
  [f & colls]
  ;; Lazy over the mapped seq too (not (apply concat ...), which would realize it all):
  ;; an infinite input gives an infinite result.
  ;; The last seq is returned as it is, not wrapped in one more concat: tree-seq over
  ;; data nested a million levels deep (one child a level) stays linear.
  (let [step (fn step [ss]
               (lazy-seq
                 (when-let [s (seq ss)]
                   (let [more (rest s)]
                     (if (seq more)
                       (concat (first s) (step more))
                       (first s))))))]
    (step (apply map f colls))))

(defn interleave
  "Returns a lazy seq of the first item in each coll, then the second etc."
  ([] ())
  ([c1] (lazy-seq c1))
  ([c1 c2]
   (lazy-seq
     (let [s1 (seq c1) s2 (seq c2)]
       (when (and s1 s2)
         (cons (first s1) (cons (first s2) (interleave (rest s1) (rest s2))))))))
  ([c1 c2 & colls]
   (lazy-seq
     (let [ss (map seq (conj colls c2 c1))]
       (when (every? identity ss)
         (concat (map first ss) (apply interleave (map rest ss))))))))

(defn interpose
  "Returns a lazy seq of the elements of coll separated by sep."
  [sep coll]
  (drop 1 (interleave (repeat sep) coll)))

(defn partition
  "Returns a lazy sequence of lists of n items each, at offsets step apart. If step is
  not supplied, defaults to n. If a pad collection is supplied, use its elements as
  necessary to complete last partition upto n items."
  ([n coll] (partition n n coll))
  ([n step coll]
   (lazy-seq
     (when-let [s (seq coll)]
       (let [p (doall (take n s))]
         (when (= n (count p))
           (cons p (partition n step (nthrest s step))))))))
  ([n step pad coll]
   (lazy-seq
     (when-let [s (seq coll)]
       (let [p (doall (take n s))]
         (if (= n (count p))
           (cons p (partition n step pad (nthrest s step)))
           (list (take n (concat p pad)))))))))

(defn partition-all
  "Returns a lazy sequence of lists like partition, but may include partitions with fewer
  than n items at the end."
  ([n coll] (partition-all n n coll))
  ([n step coll]
   (lazy-seq
     (when-let [s (seq coll)]
       (let [seg (doall (take n s))]
         (cons seg (partition-all n step (nthrest s step))))))))

(defn partition-by
  "Applies f to each value in coll, splitting it each time f returns a new value."
  [f coll]
  (lazy-seq
    (when-let [s (seq coll)]
      (let [fst (first s)
            fv (f fst)
            run (cons fst (take-while (fn [x] (= fv (f x))) (next s)))]
        (cons run (partition-by f (lazy-seq (drop (count run) s))))))))

(defn nthrest
  "Returns the nth rest of coll, coll when n is 0."
  [coll n]
  (loop [n n xs coll]
    (if (and (pos? n) (seq xs))
      (recur (dec n) (rest xs))
      xs)))

(defn nthnext
  "Returns the nth next of coll, (seq coll) when n is 0."
  [coll n]
  (loop [n n xs (seq coll)]
    (if (and xs (pos? n))
      (recur (dec n) (next xs))
      xs)))

(defn dorun
  "Walks through the successive nexts of the seq, does not retain the head and returns nil."
  ([coll]
   (loop [s (seq coll)]
     (when s (recur (next s)))))
  ([n coll]
   (loop [n n s (seq coll)]
     (when (and s (pos? n)) (recur (dec n) (next s))))))

(defn doall
  "Walks through the successive nexts of the seq, retains the head and returns it, thus
  causing the entire seq to reside in memory at one time."
  ([coll] (dorun coll) coll)
  ([n coll] (dorun n coll) coll))

(defn into
  "Returns a new coll consisting of to-coll with all of the items of from-coll conjoined."
  ([] [])
  ([to] to)
  ([to from] (reduce conj to from)))

(defn reverse
  "Returns a seq of the items in coll in reverse order. Not lazy."
  [coll]
  (reduce (fn [acc x] (cons x acc)) () coll))

(defn distinct
  "Returns a lazy sequence of the elements of coll with duplicates removed."
  [coll]
  (let [step (fn step [xs seen]
               (lazy-seq
                 (loop [s (seq xs)]
                   (when s
                     (let [x (first s)]
                       (if (contains? seen x)
                         (recur (next s))
                         (cons x (step (rest s) (conj seen x)))))))))]
    (step coll #{})))

(defn dedupe
  "Returns a lazy sequence removing consecutive duplicates in coll."
  [coll]
  (let [step (fn step [s prev first?]
               (lazy-seq
                 (loop [s (seq s)]
                   (when s
                     (let [x (first s)]
                       (if (and (not first?) (= x prev))
                         (recur (next s))
                         (cons x (step (rest s) x false))))))))]
    (step coll nil true)))

(defn flatten
  "Takes any nested combination of sequential things (lists, vectors, etc.) and returns
  their contents as a single, flat lazy sequence. (flatten nil) returns an empty sequence."
  [x]
  (filter (fn [y] (not (sequential? y)))
          (rest (tree-seq sequential? seq x))))

(defn tree-seq
  "Returns a lazy sequence of the nodes in a tree, via a depth-first walk."
  [branch? children root]
  (let [walk (fn walk [node]
               (lazy-seq
                 (cons node
                       (when (branch? node)
                         (mapcat walk (children node))))))]
    (walk root)))

(defn reduced
  "Wraps x in a way such that a reduce will terminate with the value x."
  [x] (-make-reduced x))

(defn fiber-seq
  "Returns a lazy seq of the values f yields (with fiber/yield) when it runs in a new
  fiber: a generator. f runs up to its next yield each time the seq needs one more
  element; the seq ends when f returns (its return value is not part of the seq). An
  exception thrown by f is thrown where the seq is realized. Realized elements that are
  no longer referenced are collected, so a generator of a million values runs in
  constant memory."
  [f]
  (let [fib (clove.fiber/new f)
        step (fn step []
               (lazy-seq
                 (let [v (clove.fiber/resume fib)]
                   (when (identical? :pending (clove.fiber/status fib))
                     (cons v (step))))))]
    (step)))
