;; A yield inside swap!'s function (and swap-vals!, update-in's) suspends the fiber.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(def a (atom 1))
(def f (fiber/new (fn [] (swap! a (fn [v] (+ v (fiber/yield v)))))))
(check (fiber/resume f) @a)
(check (fiber/resume f 100) @a (fiber/status f))
(def b (atom {:n 0}))
(check (vec (fiber-seq (fn [] (swap! b update :n (fn [n] (fiber/yield n) (inc n)))))) @b)
(check (vec (fiber-seq (fn [] (fiber/yield (swap-vals! b (fn [m] (fiber/yield m) (assoc m :k 1))))))))
