;; .clj files keep Clojure's behaviour: locals may shadow vars (SPEC L14).
(defn summary [xs]
  (let [count (count xs)
        [first & rest] xs]
    [count first rest]))
(prn (summary [3 1 4]))
(def limit 10)
(defn clamp [x limit] (min x limit))
(prn (clamp 15 12) limit)
(prn ((fn [str] (str 1)) inc))
