;; A yield inside elements realized by doall / dorun suspends the fiber.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(check (vec (fiber-seq (fn [] (fiber/yield (doall (map #(do (fiber/yield %) (- %)) [1 2])))))))
(check (vec (fiber-seq (fn [] (dorun (repeatedly 3 #(fiber/yield :r)))))))
;; (range 10) is chunked, so map realizes its whole first chunk (all 10) at once, as on
;; the JVM: every element yields although doall 2 walks only 3 of them.
(check (vec (fiber-seq (fn [] (fiber/yield (doall 2 (map #(do (fiber/yield %) %) (range 10))))))))
(check (vec (fiber-seq (fn [] (fiber/yield (count (doall 2 (map #(do (fiber/yield %) %) (list 0 1 2 3 4 5)))))))))
(check (vec (fiber-seq (fn [] (run! #(fiber/yield (inc %)) [1 2 3])))))
