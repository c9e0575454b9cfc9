;; Thread/sleep pauses for at least the given milliseconds; a negative time is an error.
(let [t (System/currentTimeMillis)]
  (println (Thread/sleep 50) (>= (- (System/currentTimeMillis) t) 50)))
(println (Thread/sleep 0))
(println (try (Thread/sleep -1) (catch IllegalArgumentException e (ex-message e))))
(println (try (Thread/sleep "x") (catch Exception e (boolean (ex-message e)))))
