;; The SPEC's lazy seq pipeline workload.
(println (reduce + (map inc (filter even? (range 10000000)))))
