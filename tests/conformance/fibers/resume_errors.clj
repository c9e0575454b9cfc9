;; Resuming a fiber that cannot run, or something that is not a fiber.
(defmacro report [form]
  `(try (prn ~form)
        (catch Exception e# (println (.getName (class e#)) "-" (ex-message e#)))))

;; :dead
(def d (fiber/new (fn [] :x)))
(report (fiber/resume d))
(report (fiber/resume d))
(report (fiber/status d))

;; :error (with and without :error in the mask)
(def e (fiber/new (fn [] (throw (ex-info "boom" {}))) #{:error}))
(report (ex-message (fiber/resume e)))
(report (fiber/resume e))
(def e2 (fiber/new (fn [] (throw (ex-info "boom" {})))))
(report (fiber/resume e2))
(report (fiber/resume e2))

;; :alive: a fiber resuming itself
(def self (fiber/new (fn [] (fiber/resume (fiber/current)))))
(report (fiber/resume self))
(report (fiber/status self))

;; :alive: the root fiber resuming itself
(report (fiber/resume (fiber/current)))

;; :alive: a child resuming the fiber that is waiting for it, caught in the child
(def outer
  (fiber/new
    (fn []
      (let [me (fiber/current)
            inner (fiber/new (fn []
                               (try (fiber/resume me)
                                    (catch IllegalStateException ex
                                      [:inner-caught (ex-message ex)]))))]
        [:outer-got (fiber/resume inner) (fiber/status me)]))))
(report (fiber/resume outer))

;; :pending takes at most one value
(def p (fiber/new (fn [] (fiber/yield 1) (fiber/yield 2))))
(report (fiber/resume p))
(report (fiber/resume p :a :b))
(report (fiber/status p))
(report (fiber/resume p :a))

;; not a fiber
(report (fiber/resume nil))
(report (fiber/resume 1))
(defmacro report-class [form]
  `(try (prn ~form) (catch Exception e# (println (.getName (class e#))))))
(report-class (fiber/resume (fn [] 1)))
(report-class (fiber/status :new))
(report-class (fiber/value "x"))
(report-class (fiber/fiber? 1 2))
