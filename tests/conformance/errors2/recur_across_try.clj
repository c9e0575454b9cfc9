(println "before")
(defn f [n]
  (loop [i n]
    (try (if (pos? i) (recur (dec i)) i)
         (finally (println "cleanup")))))
(println "not reached")
