;; clojure.test beyond basic/extend/fixtures: run-test of an unknown name, function?,
;; the context and var strings, deftest-, set-test, are's argument check, tallies in a
;; caller's ref, (is nil), report's default method, error reports (frames left out).
(ns extras-test
  (:require [clojure.test :as t :refer [deftest is are testing]]
            [clojure.string :as str]))

(defn no-frames [s]
  (str/join "\n" (remove #(or (str/starts-with? % " at ") (str/starts-with? % "    ")) (str/split-lines s))))

(t/report {:type :weird :x 1})
(prn (try (eval '(clojure.test/are [x y] (= x y) 1)) (catch Throwable e (str/includes? (str (.getMessage e) (some-> e ex-cause .getMessage)) "The number of args doesn't match are's argv."))))
(prn (macroexpand '(clojure.test/are [] true)))
(prn t/*testing-vars* t/*testing-contexts* t/*initial-report-counters* t/*load-tests* t/*stack-trace-depth* t/*report-counters*)
(deftest e1 (is (= 1 (throw (Exception. "x")))))
(print (no-frames (with-out-str (binding [t/*test-out* *out*] (t/test-var #'e1)))))
(println)
(prn (binding [t/*report-counters* (ref t/*initial-report-counters*) t/*test-out* (java.io.StringWriter.)] (t/test-var #'e1) @t/*report-counters*))
(prn (t/testing-contexts-str) (binding [t/*testing-contexts* (list "b" "a")] (t/testing-contexts-str)))
(prn (binding [t/*testing-vars* (list #'e1)] (t/testing-vars-str {:file "f.clj" :line 3})))
(prn (t/function? 'map) (t/function? 'when) (t/function? 'nope) (t/function? map) (t/function? 1) (t/function? 't/*load-tests*))
(prn (is nil) (is (= 1 2) "m") (is (= 1 1)) (ex-message (is (thrown? Exception (throw (Exception. "e"))))))
(t/deftest- priv (is true))
(prn (:private (meta #'priv)) (fn? (:test (meta #'priv))))
(defn plain [] 1)
(t/set-test plain (is (= 1 (plain))) (is (= 2 (plain))))
(prn (t/run-test plain))
(deftest ctx
  (testing "a"
    (testing "b"
      (is (= 1 2) "deep")))
  (is (thrown-with-msg? Exception (re-pattern "b+") (throw (Exception. "abc")))))
(print (no-frames (with-out-str (binding [t/*test-out* *out*] (prn (t/run-test ctx))))))
(println)
(defn fails [] (throw (IllegalStateException. "in fails")))
(deftest errs
  (is (= 1 (fails)) "with message")
  (throw (ex-info "outside" {:k [1 2]})))
(print (no-frames (with-out-str (binding [t/*test-out* *out*] (prn (t/run-test errs))))))
(println)
(prn (t/successful? {}) (t/successful? {:fail 1}) (t/successful? {:error 0 :fail 0 :test 3}))
(def calls (atom []))
(prn (binding [t/report #(swap! calls conj (:type %))] (t/test-vars [#'e1 #'priv #'plain]) @calls))
