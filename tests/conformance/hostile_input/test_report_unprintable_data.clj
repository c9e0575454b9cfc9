;; clojure.test's report of a test that throws an ex-info whose data cannot be printed
;; (a lazy seq that throws when realized) says so instead of failing itself, and the
;; run goes on.
(require '[clojure.test :refer [deftest is run-tests]]
         '[clojure.string :as str])

(deftest bad
  (throw (ex-info "bad data" {:s (map #(/ 1 %) [1 0])})))

(deftest fine
  (is (= 2 (inc 1))))

;; The report goes to clojure.test/*test-out* where there is one (the JVM's), else *out*.
(defn capture-report []
  (with-out-str
    (if-let [test-out (resolve 'clojure.test/*test-out*)]
      (with-bindings {test-out *out*} (run-tests))
      (run-tests))))

(let [out (capture-report)]
  (println (str/includes? out "bad data"))
  (println (str/includes? out "#<unprintable: java.lang.ArithmeticException: Divide by zero>"))
  (println (str/includes? out "Ran 2 tests"))
  (println (str/includes? out "1 errors")))
