;; 5,000 yields through fiber-seq and by hand (million_yields.clj does a million, but
;; is skipped under GC stress).
(println (count (fiber-seq (fn [] (dotimes [i 5000] (fiber/yield i))))))
(println (last (fiber-seq (fn [] (dotimes [i 5000] (fiber/yield i))))))
;; many short-lived fibers
(println (reduce + (map #(fiber/resume (fiber/new (fn [x] (* 2 x))) %) (range 1000))))
;; many suspended fibers at once, then finished in reverse order
(let [fs (mapv (fn [i] (let [f (fiber/new (fn [] (fiber/yield i) (- i)))] (fiber/resume f) f)) (range 500))]
  (println (count (filter #(= :pending (fiber/status %)) fs)))
  (println (reduce + (map fiber/resume (rseq fs))))
  (println (every? #(= :dead (fiber/status %)) fs)))
