;; A yield inside filter's predicate (and remove's) suspends the fiber.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(def f (fiber/new (fn [] (doall (filter (fn [x] (fiber/yield x) (odd? x)) [1 2 3 4])))))
(check (vec (take-while (fn [_] (not= :dead (fiber/status f))) (repeatedly #(fiber/resume f)))))
(check (fiber/value f))
(check (vec (fiber-seq (fn [] (dorun (remove #(fiber/yield %) (range 3)))))))
