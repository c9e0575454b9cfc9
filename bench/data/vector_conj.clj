;; The SPEC's transient vector workload.
(println (count (persistent! (reduce conj! (transient []) (range 1000000)))))
