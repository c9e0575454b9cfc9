;; (catch :default e ...) catches any thrown value, as in ClojureScript and cljc code.
(println (try (/ 1 0) (catch :default e (ex-message e))))
(println (try (throw (ex-info "boom" {:k 1})) (catch :default e (ex-data e))))
(println (try (throw (Exception. "first")) (catch ArithmeticException e :arith) (catch :default e :default)))
(println (try (nth [] 3) (catch :default e :caught) (finally (println "finally"))))
