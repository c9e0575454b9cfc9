;; clojure.stacktrace: frame limits, messages and ex-data, chains of causes. Frames
;; differ between Clove and the JVM, so only their count and the other lines are shown.
(require '[clojure.stacktrace :as st] '[clojure.string :as str])
(defn f [x] (/ 1 x))
(defn g [x] (inc (f x)))
(defn h [x] (try (g x) (catch ArithmeticException e (throw (ex-info "wrapped" {:x x} e)))))
(def ex (try (h 0) (catch Exception e e)))
(defn shape [s]
  (map #(cond (str/starts-with? % " at ") :first-frame
              (str/starts-with? % "    ") :frame
              :else %)
       (str/split-lines s)))
(prn (shape (with-out-str (st/print-stack-trace ex 1))))
(prn (shape (with-out-str (st/print-stack-trace ex 2))))
(prn (shape (with-out-str (st/print-stack-trace ex 0))))
(prn (shape (with-out-str (st/print-cause-trace ex 1))))
(prn (shape (with-out-str (st/print-cause-trace ex 2))))
(prn (with-out-str (st/print-throwable (Exception.))) (with-out-str (st/print-throwable (ex-info "m" {}))))
(prn (with-out-str (st/print-throwable (ex-info "nested" {:a {:b [1 2]}} (Exception. "c")))))
(prn (with-out-str (st/print-throwable (RuntimeException. "" (Exception. "c")))))
(prn (.getMessage (st/root-cause ex)) (class (st/root-cause ex)) (= ex (st/root-cause ex)))
(def chain (reduce (fn [c i] (ex-info (str "level " i) {:i i} c)) (IllegalArgumentException. "bottom") (range 3)))
(prn (.getMessage (st/root-cause chain)))
(prn (filter #(str/starts-with? % "Caused by") (str/split-lines (with-out-str (st/print-cause-trace chain 1)))))
(prn (count (filter #(str/starts-with? % " at ") (str/split-lines (with-out-str (st/print-cause-trace chain 3))))))
