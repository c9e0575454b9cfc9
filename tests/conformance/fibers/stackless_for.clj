;; A yield inside a for body (a lazy seq) realized in the fiber suspends the fiber.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(check (vec (fiber-seq (fn [] (doall (for [x [1 2 3]] (do (fiber/yield x) x)))))))
(check (vec (fiber-seq (fn [] (dorun (for [x (range 2) y [:a :b] :when (fiber/yield [x y])] nil))))))
(def f (fiber/new (fn [] (vec (for [x [1 2]] (fiber/yield x))))))
(check [(fiber/resume f) (fiber/resume f :one) (fiber/resume f :two) (fiber/status f)])
;; doseq is a loop, not a lazy seq: it yields too
(check (vec (fiber-seq (fn [] (doseq [x [1 2] y [3 4]] (fiber/yield (* x y)))))))
