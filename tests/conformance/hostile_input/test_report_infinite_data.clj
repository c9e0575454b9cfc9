;; clojure.test's report of a test that throws an ex-info whose data holds an infinite
;; lazy seq prints the data within bounds (100 items, then "...") and goes on.
(require '[clojure.test :refer [deftest is run-tests]]
         '[clojure.string :as str])

(deftest endless
  (throw (ex-info "endless" {:s (range)})))

(deftest fine
  (is (= 2 (inc 1))))

;; The report goes to clojure.test/*test-out* where there is one (the JVM's), else *out*.
(defn capture-report []
  (with-out-str
    (if-let [test-out (resolve 'clojure.test/*test-out*)]
      (with-bindings {test-out *out*} (run-tests))
      (run-tests))))

(let [out (capture-report)]
  (println (str/includes? out "{:s (0 1 2 3 "))
  (println (str/includes? out " 97 98 99 ...)}"))
  (println (< (count out) 20000))
  (println (str/includes? out "Ran 2 tests")))
