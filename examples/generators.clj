;; generators.clj: fibers (coroutines) and generators, Clove's addition to Clojure.
;;
;; A fiber runs a function that can stop in the middle with (fiber/yield v) and be
;; picked up later with (fiber/resume fib). (fiber-seq f) turns such a function into a
;; lazy seq of what it yields. Run: clove run examples/generators.clj

(defn walk-tree
  "Yields the leaves of a nested vector tree, depth first, from inside an ordinary
  recursive walk: the recursion stays suspended between leaves."
  [tree]
  (if (vector? tree)
    (doseq [t tree] (walk-tree t))
    (fiber/yield tree)))

(defn leaves [tree] (fiber-seq #(walk-tree tree)))

(println "leaves:" (vec (leaves [1 [2 [3 4]] [[5] 6]])))

;; Two trees have the same fringe when their leaves match one by one; the lazy seqs
;; stop both walks at the first difference.
(defn same-fringe? [a b] (= (leaves a) (leaves b)))
(println "same fringe:" (same-fringe? [1 [2 3]] [[1 2] 3]) (same-fringe? [1 [2 3]] [1 [3 2]]))

;; An infinite generator: only what is taken gets computed.
(defn primes []
  (fiber-seq
    (fn []
      (loop [n 2 found []]
        (if (some #(zero? (rem n %)) found)
          (recur (inc n) found)
          (do (fiber/yield n) (recur (inc n) (conj found n))))))))
(println "primes:" (take 10 (primes)))

;; A fiber driven by hand: resume sends values in, yield hands values out.
(def averager
  (fiber/new
    (fn [first-value]
      (loop [sum first-value n 1]
        (let [x (fiber/yield (/ sum n))]
          (recur (+ sum x) (inc n)))))))
(println "running average:" (mapv #(fiber/resume averager %) [10 20 60 10]))
(println "status:" (fiber/status averager))

;; Errors inside a fiber end it; with :error in its mask, resume returns the exception.
(def risky (fiber/new (fn [] (fiber/yield :ok) (throw (ex-info "bad input" {:at 2}))) #{:error}))
(println "first:" (fiber/resume risky))
(let [e (fiber/resume risky)]
  (println "then:" (ex-message e) (ex-data e) (fiber/status risky)))
