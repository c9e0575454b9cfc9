;; JVM variant of leaf_native_trace_once.clj: its trace frames are classes, invokeStatic
;; and invoke both in clojure.core$subvec, so the distinct class is counted.
(defmacro with-many-locals [base n & body]
  (let [syms (map #(symbol (str "x" %)) (range n))]
    `(let [~@(mapcat (fn [s i] [s `(+ ~base ~i)]) syms (range n))]
       (let [r# (do ~@body)]
         [r# (+ ~@syms)]))))
(defn by-call [f] (let [r (f [1 2] 5)] r))
(defn by-tail-call [f] (f [1 2] 5))
(defn by-call-with-spills [f base] (with-many-locals base 300 (f [1 2] 5)))
(defn subvec-frames [thunk]
  (try (thunk)
       (catch IndexOutOfBoundsException e
         (count (distinct (filter #{"clojure.core$subvec"} (map #(.getClassName ^StackTraceElement %) (.getStackTrace e))))))))
(prn (subvec-frames #(by-call subvec))
     (subvec-frames #(by-tail-call subvec))
     (subvec-frames #(by-call-with-spills subvec 1)))
;; and by CALL1, a one-argument call of a local
(defn by-call1 [f] (let [r (f 5)] r))
(prn (try (by-call1 peek) (catch ClassCastException e (count (distinct (filter #{"clojure.core$peek"} (map #(.getClassName ^StackTraceElement %) (.getStackTrace e))))))))
