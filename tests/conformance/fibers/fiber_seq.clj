;; fiber-seq: a lazy seq of the values a function yields in a new fiber.
(defn counting [n] (fn [] (dotimes [i n] (fiber/yield i)) :return-value-not-in-seq))

(prn (fiber-seq (counting 5)))
(prn (seq? (fiber-seq (counting 1))))
(prn (first (fiber-seq (counting 3))))
(prn (take 2 (fiber-seq (counting 10))))
(prn (vec (fiber-seq (counting 3))))
(prn (reduce + (fiber-seq (counting 101))))

;; empty generators: the seq is empty, seq of it nil
(prn (fiber-seq (fn [] nil)))
(prn (seq (fiber-seq (fn [] :returned-at-once))))
(prn (empty? (fiber-seq (fn [] 1))))
(prn (count (fiber-seq (fn []))))

;; yielding nil: nil is an element (the seq ends only when f returns)
(prn (fiber-seq (fn [] (fiber/yield nil) (fiber/yield) (fiber/yield false))))

;; lazy: the generator runs only as far as needed, one step per element
(def steps (atom []))
(def s (fiber-seq (fn [] (doseq [x [:a :b :c]] (swap! steps conj x) (fiber/yield x)))))
(prn @steps)
(prn (first s) @steps)
(prn (second s) @steps)
(prn (vec s) @steps)
;; realized once: walking it again does not rerun the generator
(prn (vec s) @steps)

;; infinite generators with take
(defn naturals [] (loop [i 0] (fiber/yield i) (recur (inc i))))
(prn (take 5 (fiber-seq naturals)))
(prn (take 3 (drop 1000 (fiber-seq naturals))))
(defn fib-gen [] (loop [a 0 b 1] (fiber/yield a) (recur b (+ a b))))
(prn (take 12 (fiber-seq fib-gen)))
(prn (take 5 (filter even? (map inc (fiber-seq naturals)))))

;; a generator that throws: the exception comes out where the seq is realized,
;; after the elements yielded before it
(defn bad [] (fiber/yield 1) (fiber/yield 2) (throw (ex-info "generator failed" {:after 2})))
(def b (fiber-seq bad))
(prn (first b))
(prn (take 2 b))
(prn (try (doall b) (catch Exception e [:caught (ex-message e) (ex-data e)])))
(prn (try (vec (fiber-seq bad)) (catch clojure.lang.ExceptionInfo e (ex-data e))))
(prn (try (first (fiber-seq (fn [] (throw (IllegalArgumentException. "at once")))))
          (catch IllegalArgumentException e (ex-message e))))

;; independent generators interleave
(prn (map vector (fiber-seq (counting 3)) (fiber-seq (fn [] (doseq [c "abc"] (fiber/yield c))))))

;; a fiber-seq realized inside another fiber
(prn (fiber/resume (fiber/new (fn [] (vec (fiber-seq (counting 4)))))))
