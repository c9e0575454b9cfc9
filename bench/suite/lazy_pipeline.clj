;; lazy_pipeline: a lazy sequence pipeline, (reduce + (map inc (filter even? (range N)))).
;; Usage: clove run lazy_pipeline.clj [N]   (default 10000000); prints the sum.
(let [n (if-let [a (first *command-line-args*)] (parse-long a) 10000000)]
  (println (reduce + (map inc (filter even? (range n))))))
