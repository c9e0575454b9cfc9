;; A yield inside a transducer's function, run by into (and transduce, sequence), suspends
;; the fiber.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(def f (fiber/new (fn [] (into [] (map (fn [x] (fiber/yield x) (* 10 x))) [1 2 3]))))
(check [(fiber/resume f) (fiber/resume f) (fiber/resume f) (fiber/resume f) (fiber/status f)])
(check (vec (fiber-seq (fn [] (fiber/yield (into #{} (filter #(do (fiber/yield %) (even? %))) (range 4)))))))
(check (vec (fiber-seq (fn [] (fiber/yield (transduce (map #(do (fiber/yield %) %)) + 0 [1 2]))))))
;; into without a transducer, from a lazy seq whose elements yield
(check (vec (fiber-seq (fn [] (fiber/yield (into [] (map #(do (fiber/yield %) %) [:a :b])))))))
