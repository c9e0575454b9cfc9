;; inc, dec, zero?, pos? and neg? passed as fn values (map, filter, iterate), where the
;; native runs: small ints on both sides of the 48-bit boundary, longs at the 64-bit
;; edges (inc of Long/MAX_VALUE throws), doubles, ratios, big numbers and non-numbers.
(def edges [0 1 -1 140737488355327 140737488355328 -140737488355328 -140737488355329
            9223372036854775806 -9223372036854775807 1.5 -0.0 1/2 -1/2 10N 2.5M])
(println (map inc edges))
(println (map dec edges))
(println (map (juxt zero? pos? neg?) edges))
(println (take 5 (iterate inc 140737488355325)) (take 5 (iterate dec -140737488355326)))
(println (filter pos? (range -3 4)) (remove neg? (range -3 4)) (filter zero? [0 0.0 -0.0 0N 0M 1]))
(doseq [[f x] [[inc Long/MAX_VALUE] [dec Long/MIN_VALUE] [inc nil] [dec "a"] [zero? nil] [pos? :k] [neg? "x"]]]
  (println (try (f x) (catch Exception e (.getSimpleName (class e))))))
(println (map inc' [Long/MAX_VALUE 1]) (map dec' [Long/MIN_VALUE 1]))
