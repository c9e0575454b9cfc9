;; A million yields through fiber-seq, counted: the seq's realized head is not held,
;; so this runs in constant memory.
;; labels: slow
;; (slow: a million fiber switches, each allocating, is too slow under CLOVE_GC_STRESS.)
(println (count (fiber-seq (fn [] (dotimes [i 1000000] (fiber/yield i))))))
(println (reduce + (fiber-seq (fn [] (dotimes [i 1000000] (fiber/yield i))))))
;; the same by hand: one fiber resumed a million times
(let [f (fiber/new (fn [] (loop [i 0] (when (< i 1000000) (fiber/yield i) (recur (inc i)))) :end))]
  (loop [n 0]
    (let [v (fiber/resume f)]
      (if (= :dead (fiber/status f))
        (println n v)
        (recur (inc n))))))
