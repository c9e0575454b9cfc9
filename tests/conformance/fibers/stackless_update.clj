;; A yield inside the function update (and update-in, fnil'd) calls suspends the fiber.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(def f (fiber/new (fn [] (update {:a 1} :a (fn [v] (fiber/yield v) (inc v))))))
(check (fiber/resume f) (fiber/resume f) (fiber/status f))
(check (vec (fiber-seq (fn [] (fiber/yield (update {} :a (fnil (fn [v] (fiber/yield v) (inc v)) 0)))))))
(check (vec (fiber-seq (fn [] (fiber/yield (update-in {:a {:b 1}} [:a :b] (fn [v] (fiber/yield v) (* 5 v))))))))
(check (vec (fiber-seq (fn [] (fiber/yield (update [1 2] 0 (fn [v] (fiber/yield v) -1)))))))
