;; Exceptions escaping a fiber: thrown from fiber/resume in the resumer (caught by its
;; try), or returned by resume when the mask has :error; ex-data and the class survive.
(defn fail [data] (throw (ex-info "failed" data)))

;; Without the mask: the resumer's try catches it, with its data and class.
(def f1 (fiber/new (fn [] (fiber/yield 1) (fail {:where :f1}))))
(println (fiber/resume f1))
(println (try (fiber/resume f1)
              (catch clojure.lang.ExceptionInfo e [:caught (ex-message e) (ex-data e)])))
(println (fiber/status f1) (ex-data (fiber/value f1)))

;; Built-in exception classes keep their class.
(def f2 (fiber/new (fn [] (/ 1 0))))
(println (try (fiber/resume f2) (catch ArithmeticException e [:arith (ex-message e)])))
(def f3 (fiber/new (fn [] (nth [] 5))))
(println (try (fiber/resume f3) (catch IndexOutOfBoundsException e :index)))

;; With the mask: resume returns the exception object; nothing is thrown.
(def f4 (fiber/new (fn [] (fail {:where :f4 :n [1 2]})) #{:error}))
(let [e (fiber/resume f4)]
  (println (instance? clojure.lang.ExceptionInfo e) (ex-message e) (ex-data e) (fiber/status f4)))

;; A try inside the fiber catches first: the fiber does not end in :error.
(def f5 (fiber/new (fn []
                     (let [r (try (fail {:where :f5}) (catch Exception e (ex-data e)))]
                       (fiber/yield r)
                       :after))))
(println (fiber/resume f5) (fiber/status f5) (fiber/resume f5) (fiber/status f5))

;; A try around a yield: an exception after resuming is still caught by it.
(def f6 (fiber/new (fn []
                     (try
                       (let [x (fiber/yield :waiting)]
                         (fail {:got x}))
                       (catch Exception e [:inner-caught (ex-data e)])
                       (finally (println "finally in f6"))))))
(println (fiber/resume f6))
(println (fiber/resume f6 :value))
(println (fiber/status f6))

;; finally blocks inside the fiber run when the exception escapes it.
(def f7 (fiber/new (fn [] (try (fiber/yield 1) (fail {:where :f7}) (finally (println "finally in f7"))))))
(fiber/resume f7)
(println (try (fiber/resume f7) (catch Exception e (ex-data e))))

;; Two levels: a grandchild throws, the child does not catch, the root does.
(def outer (fiber/new (fn []
                        (let [inner (fiber/new (fn [] (fail {:level :inner})))]
                          (fiber/resume inner)
                          :not-reached))))
(println (try (fiber/resume outer) (catch Exception e [:root-caught (ex-data e)])))
(println (fiber/status outer))

;; Two levels, the child catches its child's exception and carries on.
(def outer2 (fiber/new (fn []
                         (let [inner (fiber/new (fn [] (fail {:level :inner2})))]
                           (try (fiber/resume inner)
                                (catch Exception e
                                  (fiber/yield [:child-caught (ex-data e) (fiber/status inner)])))
                           :outer2-done))))
(println (fiber/resume outer2))
(println (fiber/resume outer2) (fiber/status outer2))

;; Two levels, the inner one with the :error mask: the child gets it as a value.
(def outer3 (fiber/new (fn []
                         (let [inner (fiber/new (fn [] (fail {:level :inner3})) #{:error})
                               e (fiber/resume inner)]
                           [:as-value (ex-data e)]))))
(println (fiber/resume outer3))

;; The resumer can throw a fiber's exception again; try in the root sees the same object.
(def f8 (fiber/new (fn [] (fail {:where :f8})) #{:error}))
(let [e (fiber/resume f8)]
  (println (try (throw e) (catch Exception e2 (identical? e e2)))))
