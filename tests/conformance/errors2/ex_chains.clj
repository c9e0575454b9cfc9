;; ex-info, ex-data, ex-message, ex-cause chains, rethrow, Throwable->map.
(defn low [] (throw (ArithmeticException. "low level")))
(defn mid [] (try (low) (catch ArithmeticException e (throw (ex-info "mid level" {:layer :mid} e)))))
(defn top [] (try (mid) (catch clojure.lang.ExceptionInfo e (throw (ex-info "top level" {:layer :top} e)))))
(def e (try (top) (catch Exception e e)))
(println (ex-message e) (ex-data e))
(println (ex-message (ex-cause e)) (ex-data (ex-cause e)))
(println (ex-message (ex-cause (ex-cause e))) (ex-data (ex-cause (ex-cause e))) (ex-cause (ex-cause (ex-cause e))))
(println (map ex-message (take-while some? (iterate ex-cause e))))
(println (class e) (class (ex-cause (ex-cause e))))
(println (instance? Exception e) (instance? clojure.lang.ExceptionInfo e) (instance? RuntimeException (ex-cause (ex-cause e))))

(def m (Throwable->map e))
(println (keys m) (:cause m) (:data m))
(println (map :type (:via m)) (map :message (:via m)) (map :data (:via m)))
(println (vector? (:trace m)) (every? vector? (:trace m)))
(println (keys (Throwable->map (Exception. "plain"))) (:cause (Throwable->map (Exception. "plain"))))
(println (keys (Throwable->map (Exception.))) (map :type (:via (Throwable->map (IllegalStateException.)))))

;; rethrowing the same object keeps its identity and data
(def again (try (try (throw e) (catch Exception x (throw x))) (catch Exception y y)))
(println (identical? e again) (ex-data again))
;; ex-message / ex-data / ex-cause on non-exceptions
(println (ex-message "str") (ex-data {:a 1}) (ex-cause 42))
(println (ex-message (ex-info "no data" {})) (ex-data (ex-info "no data" {})))
(println (try (ex-info "bad" nil) (catch IllegalArgumentException x (ex-message x))))
