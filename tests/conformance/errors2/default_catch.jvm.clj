;; (catch Throwable e ...) catches any thrown value, as in ClojureScript and cljc code.
(println (try (/ 1 0) (catch Throwable e (ex-message e))))
(println (try (throw (ex-info "boom" {:k 1})) (catch Throwable e (ex-data e))))
(println (try (throw (Exception. "first")) (catch ArithmeticException e :arith) (catch Throwable e :default)))
(println (try (nth [] 3) (catch Throwable e :caught) (finally (println "finally"))))
