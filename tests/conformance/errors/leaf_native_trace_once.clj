;; A leaf native's error names it once in the trace, however it was called: by CALL,
;; by TAILCALL, and by CALL from a frame with spill slots (where it keeps a frame of
;; its own, as its window is moved above the frame), and by CALL1.
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
         (count (filter #{'clojure.core/subvec} (map first (:trace (Throwable->map e))))))))
(prn (subvec-frames #(by-call subvec))
     (subvec-frames #(by-tail-call subvec))
     (subvec-frames #(by-call-with-spills subvec 1)))
;; and by CALL1, a one-argument call of a local
(defn by-call1 [f] (let [r (f 5)] r))
(prn (try (by-call1 peek) (catch ClassCastException e (count (filter #{'clojure.core/peek} (map first (:trace (Throwable->map e))))))))
