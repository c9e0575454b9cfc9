;; finally runs on every path out of a try: normal return, a throw caught outside,
;; a throw caught inside, loops around a try, and nested trys.
(def log (atom []))
(defn note [x] (swap! log conj x) x)

(println (try (note :body) (finally (note :finally))))
(println (try (try (throw (ex-info "inner" {})) (finally (note :inner-finally)))
              (catch Exception e (note (ex-message e)))))
(println (try (/ 1 0) (catch ArithmeticException e (note :caught)) (finally (note :after-catch))))
(println (try (try (/ 1 0) (catch ArithmeticException e (throw (ex-info "rethrown" {} e)))
                   (finally (note :finally-after-rethrow)))
              (catch clojure.lang.ExceptionInfo e [(ex-message e) (ex-message (ex-cause e))])))
;; the value of a try with finally is the body's (or the catch's), not the finally's
(println (try 1 (finally 2)) (try (throw (Exception. "x")) (catch Exception e 3) (finally 4)))
;; loop with a try inside each iteration: the recur is outside the try
(println (loop [i 0 acc []]
           (if (< i 3)
             (recur (inc i) (conj acc (try (if (odd? i) (throw (ex-info "odd" {:i i})) i)
                                           (catch Exception e (:i (ex-data e)))
                                           (finally (note [:iter i])))))
             acc)))
;; a fn called in a loop, with a try that returns early via the result
(defn safe-div [a b] (try (quot a b) (catch ArithmeticException _ :div0) (finally (note [:div a b]))))
(println (mapv (fn [b] (safe-div 10 b)) [2 0 5]))
;; nested finally blocks run innermost first
(try (try (try (throw (Exception. "deep"))
               (finally (note :f1)))
          (finally (note :f2)))
     (catch Exception e (note :outer-catch))
     (finally (note :f3)))
;; a throw from inside finally replaces the original exception
(println (try (try (throw (Exception. "first")) (finally (throw (Exception. "from finally"))))
              (catch Exception e (ex-message e))))
(prn @log)
