;; (fiber/new f mask): mask is a set of :error :yield :debug :budget (or nil);
;; anything else is an IllegalArgumentException, a non-function f a ClassCastException.
(defmacro report [form]
  `(try (let [v# ~form] (if (fiber/fiber? v#) (println "fiber" (fiber/status v#)) (prn v#)))
        (catch Exception e# (println (.getName (class e#)) "-" (ex-message e#)))))

(report (fiber/new inc))
(report (fiber/new inc nil))
(report (fiber/new inc #{}))
(report (fiber/new inc #{:error}))
(report (fiber/new inc #{:yield}))
(report (fiber/new inc #{:debug}))
(report (fiber/new inc #{:budget}))
(report (fiber/new inc #{:error :yield :debug :budget}))
(report (fiber/new inc (sorted-set :error :yield)))

(report (fiber/new inc #{:foo}))
(report (fiber/new inc #{:error :bar}))
(report (fiber/new inc #{"error"}))
(report (fiber/new inc [:error]))
(report (fiber/new inc :error))
(report (fiber/new inc {:error true}))

(defmacro report-class [form]
  `(try (prn ~form) (catch Exception e# (println (.getName (class e#))))))
(report-class (fiber/new 1))
(report-class (fiber/new nil))
(report-class (fiber/new "f"))
(report-class (fiber/new))
(report-class (fiber/new inc #{} 3))

;; The mask decides what resume does with an exception: :error returns it.
(def boom (fn [] (throw (ex-info "boom" {:n 1}))))
(report (ex-data (fiber/resume (fiber/new boom #{:error}))))
(report (ex-data (fiber/resume (fiber/new boom #{:error :yield}))))
(report (fiber/resume (fiber/new boom #{:yield})))
(report (fiber/resume (fiber/new boom)))
;; :yield is always in effect: yields return to the resumer whatever the mask.
(report (fiber/resume (fiber/new (fn [] (fiber/yield :y)) #{})))
(report (fiber/resume (fiber/new (fn [] (fiber/yield :y)) #{:error})))
