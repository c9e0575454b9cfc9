;; Extending clojure.test: assert-expr methods, rebinding report, test-ns-hook,
;; with-test, calling a test directly, *testing-contexts*.
(ns extend-test
  (:require [clojure.test :as t :refer [deftest is testing]]))

(defmethod t/assert-expr 'roughly= [msg form]
  (let [[_ a b] form]
    `(let [a# ~a b# ~b]
       (t/do-report {:type (if (< (Math/abs (- a# b#)) 0.01) :pass :fail)
                     :message ~msg :expected '~form :actual [a# b#]}))))

(deftest custom-assertion
  (is (roughly= 1.0 1.001))
  (is (roughly= 1.0 2.0) "too far"))

(deftest contexts
  (testing "outer"
    (testing "inner"
      (is (= '("inner" "outer") t/*testing-contexts*)))))

(defn test-ns-hook []
  (custom-assertion)
  (contexts))

(prn (t/run-tests))

(def seen (atom []))
(binding [t/report (fn [m] (swap! seen conj (:type m)))]
  (contexts)
  (custom-assertion))
(prn @seen)

(t/with-test
  (defn twice [x] (* 2 x))
  (is (= 4 (twice 2))))
(prn (t/run-test twice))
