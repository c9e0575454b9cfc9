;; Dynamic scope follows the resume chain: a fiber sees its own bindings, then those
;; of the code that resumes it (as a lazy seq sees those of the code that realizes it),
;; not those in effect where it was made; a fiber's own bindings stay with it across
;; yields.
(def ^:dynamic *x* :root)
(def ^:dynamic *y* :root-y)

(defn report [] [*x* *y*])

;; made inside a binding, resumed outside it and then inside another
(def made-inside (binding [*x* :creator] (fiber/new (fn [] (fiber/yield (report)) (report)))))
(prn (fiber/resume made-inside))
(prn (binding [*x* :resumer] (fiber/resume made-inside)))

;; made outside any binding, resumed inside one: the resumer's values
(def made-outside (fiber/new report))
(prn (binding [*x* :resumer *y* :resumer-y] (fiber/resume made-outside)))

;; a binding made inside the fiber lasts across its yields and does not leak to the
;; resumer
(def own (fiber/new (fn []
                      (binding [*x* :fiber-own]
                        (fiber/yield (report))
                        (fiber/yield (report)))
                      (report))))
(prn (fiber/resume own) *x*)
(prn (binding [*x* :resumer] [(fiber/resume own) *x*]))
(prn (fiber/resume own) *x*)

;; nested: a fiber resumed by a fiber sees that fiber's bindings, the innermost first
(def nested (binding [*y* :outer-y]
              (fiber/new (fn []
                           (binding [*x* :outer-x]
                             (let [inner (fiber/new report)]
                               (binding [*x* :changed-before-resume]
                                 (fiber/resume inner))))))))
(prn (fiber/resume nested))

;; a generator, as a lazy seq, sees the bindings where it is realized
(def s (binding [*x* :gen] (fiber-seq (fn [] (dotimes [_ 2] (fiber/yield *x*))))))
(prn (vec s))
(prn (binding [*x* :realizer] (vec (fiber-seq (fn [] (dotimes [_ 2] (fiber/yield *x*)))))))
(prn (with-out-str (doall (fiber-seq (fn [] (print "printed in the generator") (fiber/yield 1))))))

;; set! in a fiber changes the binding of the code that resumed it
(binding [*x* :before]
  (fiber/resume (fiber/new (fn [] (set! *x* :set-in-fiber))))
  (prn *x*))

;; binding around resume does not reach a fiber already running its own binding frame,
;; and the resumer's bindings are intact after the fiber yields or ends
(binding [*x* :outer]
  (let [f (fiber/new (fn [] (binding [*x* :in-fiber] (fiber/yield *x*)) *x*))]
    (fiber/resume f)
    (prn *x*)
    (prn (fiber/resume f))
    (prn *x*)))
(prn *x*)

;; an exception escaping a binding inside a fiber unwinds that fiber's bindings only
(binding [*x* :outer]
  (let [f (fiber/new (fn [] (binding [*x* :doomed] (throw (ex-info "x" {})))))]
    (try (fiber/resume f) (catch Exception _))
    (prn *x*)))
