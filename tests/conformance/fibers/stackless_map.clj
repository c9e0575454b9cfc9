;; A yield inside the function map calls (realized by doall) suspends the fiber.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(check (vec (fiber-seq (fn [] (doall (map (fn [x] (fiber/yield x) x) [1 2 3]))))))
;; the values sent back by resume become map's results
(def f (fiber/new (fn [] (doall (map (fn [x] (fiber/yield x)) [:a :b :c])))))
(check [(fiber/resume f) (fiber/resume f 1) (fiber/resume f 2) (fiber/resume f 3) (fiber/status f)])
;; two collections, and a chunked source (range)
(check (vec (fiber-seq (fn [] (dorun (map (fn [a b] (fiber/yield (+ a b))) [1 2] [10 20]))))))
(check (vec (fiber-seq (fn [] (dorun (map #(fiber/yield (* % %)) (range 5)))))))
