;; (int x) truncates first, then checks the int range, as the JVM does.
(doseq [x [1 2147483648 -2147483649 1e10 2147483647.5 -2147483648.5 2147483647.5M 1.9 -1.9 ##NaN 2147483648N 3/2 -7/2]]
  (println (pr-str x) (try (int x) (catch Exception e (str (cond (instance? ArithmeticException e) "ArithmeticException" :else "Other") ": " (ex-message e))))))
