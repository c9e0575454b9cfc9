;; A yield inside a function called through apply suspends the fiber.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(def f (fiber/new (fn [] (apply (fn [& xs] [:got (fiber/yield (count xs))]) 1 [2 3]))))
(check (fiber/resume f) (fiber/resume f :back) (fiber/status f))
(check (vec (fiber-seq (fn [] (apply (fn [a b] (fiber/yield a) (fiber/yield b)) [:a :b])))))
;; apply of apply, and of a multi-arity function
(check (vec (fiber-seq (fn [] (apply apply (fn [x] (fiber/yield x)) [[:deep]])))))
(defn multi ([] (fiber/yield 0)) ([a] (fiber/yield a)) ([a & more] (fiber/yield (cons a more))))
(check (vec (fiber-seq (fn [] (apply multi []) (apply multi [1]) (apply multi 1 2 [3])))))
