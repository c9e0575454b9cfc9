;; A yield inside mapv's function (and filterv's, reduce over a vector's) suspends the fiber.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(def f (fiber/new (fn [] (mapv (fn [x] (fiber/yield x)) [1 2 3]))))
(check [(fiber/resume f) (fiber/resume f :a) (fiber/resume f :b) (fiber/resume f :c) (fiber/status f)])
(check (vec (fiber-seq (fn [] (fiber/yield (mapv (fn [a b] (fiber/yield [a b]) (+ a b)) [1 2] [3 4]))))))
(check (vec (fiber-seq (fn [] (fiber/yield (filterv #(do (fiber/yield %) (pos? %)) [-1 1]))))))
