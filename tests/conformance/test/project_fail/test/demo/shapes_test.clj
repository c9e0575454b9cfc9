(ns demo.shapes-test
  (:require [clojure.test :refer :all]
            [demo.shapes :refer [area perimeter]]))

(deftest area-test
  (is (= 6 (area {:w 2 :h 3}))))

(deftest perimeter-test
  (is (= 10 (perimeter {:w 2 :h 3})) "perimeter of a 2x3 rectangle"))

(deftest crash-test
  (is (= 1 (area {:w "wide" :h 2}))))
