(ns demo.math-test
  (:require [clojure.test :refer [deftest is are testing]]
            [demo.math :as m]))

(deftest add-test
  (is (= 3 (m/add 1 2)))
  (are [a b sum] (= sum (m/add a b))
    0 0 0
    -1 1 0
    10 5 15))

(deftest mean-test
  (testing "integers"
    (is (= 2 (m/mean [1 2 3]))))
  (testing "ratios"
    (is (= 3/2 (m/mean [1 2])))))
