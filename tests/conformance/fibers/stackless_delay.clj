;; A yield while a delay is being forced suspends the fiber; the delay is realized once.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(check (vec (fiber-seq (fn [] (fiber/yield @(delay (fiber/yield 1) 2))))))
(def runs (atom 0))
(def d (delay (swap! runs inc) (fiber/yield :forcing) :value))
(def f (fiber/new (fn [] [(force d) (deref d)])))
(check (fiber/resume f) (realized? d))
(check (fiber/resume f) (realized? d) @runs)
(check @d @runs)
