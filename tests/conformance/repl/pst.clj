;; clojure.repl/pst: the exception's class and message, then its frames, to *err*.
(ns repl-test.pst
  (:require [clojure.repl :refer [pst root-cause]]
            [clojure.string :as str]))

(defn boom [] (/ 1 0))

(defn pst-lines [e depth]
  (let [w (java.io.StringWriter.)]
    (binding [*err* w] (pst e depth))
    (str/split-lines (str w))))

(let [e (try (boom) (catch Exception e e))
      lines (pst-lines e 12)]
  (println (first lines))
  (println (boolean (some #(re-find #"^\trepl-test\.pst/boom \(.*pst\.clj:6\)$" %) lines)))
  (println (<= (count (rest lines)) 12))
  (println (count (pst-lines e 1))))

(let [e (try (throw (ex-info "outer" {:k 1} (IllegalStateException. "inner")))
             (catch Exception e e))
      lines (pst-lines e 3)]
  (println (first lines))
  (println (boolean (some #{"Caused by:"} lines)))
  (println (boolean (some #{"IllegalStateException inner"} lines)))
  (println (ex-message (root-cause e))))
