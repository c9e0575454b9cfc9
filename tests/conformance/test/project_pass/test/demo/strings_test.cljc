(ns demo.strings-test
  (:require [clojure.test :refer :all]
            [clojure.string :as str]))

(deftest upper
  (is (= "ABC" (str/upper-case "abc")))
  (is (thrown? ArithmeticException (quot 1 0)))
  (is (= :clove #?(:clove :clove :default :other))))
