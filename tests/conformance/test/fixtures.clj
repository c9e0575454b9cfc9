;; use-fixtures :once wraps the whole namespace run, :each wraps every test.
(ns fixtures-test
  (:require [clojure.test :refer :all]))

(def log (atom []))

(use-fixtures :once (fn [f] (println "once: setup") (f) (println "once: teardown")))
(use-fixtures :each
  (fn [f] (swap! log conj :before) (f) (swap! log conj :after))
  (fn [f] (swap! log conj :inner) (f)))

(deftest one (is (= 1 1)))
(deftest two (is (= 2 2)))
(deftest three (is (pos? 3)))

(prn (run-tests 'fixtures-test))
(prn (frequencies @log))
(prn ((join-fixtures []) (fn [] :ran)))
(prn ((compose-fixtures (fn [f] (conj (f) :a)) (fn [f] (conj (f) :b))) (fn [] [])))
