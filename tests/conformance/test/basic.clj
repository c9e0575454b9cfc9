;; clojure.test basics: deftest, is (with and without messages), are, testing
;; contexts, thrown?, thrown-with-msg?, instance?, run-tests' report and summary map.
(ns basic-test
  (:require [clojure.test :refer [deftest is are testing run-tests successful?]]))

(deftest arithmetic
  (is (= 4 (+ 2 2)))
  (is (= 5 (+ 2 2)) "two and two")
  (testing "with contexts"
    (is (< 1 2))
    (testing "nested"
      (is (= [1 2] [1 3]))))
  (are [x y] (= x (inc y))
    2 1
    3 2
    5 3)
  (is (thrown? ArithmeticException (/ 1 0)))
  (is (thrown? ArithmeticException (+ 1 1)))
  (is (thrown-with-msg? clojure.lang.ExceptionInfo #"bo+m" (throw (ex-info "boom" {:a 1}))))
  (is (instance? String "s"))
  (is (nil? :not-nil))
  (is (empty? [1]))
  (is 42)
  (is false "plain false"))

(deftest all-good
  (is (= "ab" (str "a" "b")))
  (is (contains? #{1 2} 2)))

(let [summary (run-tests)]
  (prn summary)
  (println (successful? summary)))
(println (successful? {:test 1 :pass 1 :fail 0 :error 0}))
(println (is (= 1 1)) (ex-message (is (thrown? ArithmeticException (/ 1 0)))))
