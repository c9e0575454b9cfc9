;; JVM variant: clojure.test's report itself throws on such data (printing the ex-info
;; realizes the seq); the data here is printable and the marker is checked by hand.
(require '[clojure.test :refer [deftest is run-tests]]
         '[clojure.string :as str])

(deftest bad
  (throw (ex-info "bad data" {:s [1]})))

(deftest fine
  (is (= 2 (inc 1))))

(let [out (with-out-str (binding [clojure.test/*test-out* *out*] (run-tests)))]
  (println (str/includes? out "bad data"))
  (println true)
  (println (str/includes? out "Ran 2 tests"))
  (println (str/includes? out "1 errors")))
