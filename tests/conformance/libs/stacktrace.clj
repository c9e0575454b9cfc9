;; clojure.stacktrace: root-cause, print-throwable, and the first lines of
;; print-stack-trace and print-cause-trace (the frames are Clove's, not compared).
(require '[clojure.stacktrace :as st])
(def inner (IllegalStateException. "inner"))
(def ex (ex-info "boom" {:a 1} (RuntimeException. "middle" inner)))
(prn (.getMessage (st/root-cause ex)) (= inner (st/root-cause ex)) (= inner (st/root-cause inner)))
(prn (with-out-str (st/print-throwable ex)))
(prn (with-out-str (st/print-throwable inner)))
(defn first-line [s] (first (clojure.string/split-lines s)))
(prn (first-line (with-out-str (st/print-stack-trace ex))))
(prn (filter #(.startsWith % "Caused by") (clojure.string/split-lines (with-out-str (st/print-cause-trace ex)))))
(prn (first-line (with-out-str (st/print-stack-trace inner 1))))
