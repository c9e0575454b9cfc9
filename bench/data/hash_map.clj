;; Build a 1,000,000-key hash map (transient, as idiomatic Clojure does) and look every key up.
(let [m (persistent! (reduce (fn [m i] (assoc! m (* i 7) i)) (transient {}) (range 1000000)))]
  (println (reduce (fn [s i] (+ s (get m (* i 7)))) 0 (range 1000000))))
