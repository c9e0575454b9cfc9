;; Binding conveyance: a new fiber starts with the dynamic bindings in effect where it
;; was made (as Clojure's future and bound-fn), not those of whoever resumes it; and
;; a fiber's own bindings stay with it across yields.
(def ^:dynamic *x* :root)
(def ^:dynamic *y* :root-y)

(defn report [] [*x* *y*])

;; made inside a binding, resumed outside it
(def made-inside (binding [*x* :creator] (fiber/new (fn [] (fiber/yield (report)) (report)))))
(prn (fiber/resume made-inside))
(prn (binding [*x* :resumer] (fiber/resume made-inside)))

;; made outside any binding, resumed inside one: the root values
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

;; nested: a fiber made inside a fiber gets that fiber's bindings, including its own
(def nested (binding [*y* :outer-y]
              (fiber/new (fn []
                           (binding [*x* :outer-x]
                             (let [inner (fiber/new report)]
                               (binding [*x* :changed-before-resume]
                                 (fiber/resume inner))))))))
(prn (fiber/resume nested))

;; fiber-seq makes its fiber when called: the generator sees the caller's bindings
;; even when the seq is realized outside them
(def s (binding [*x* :gen] (fiber-seq (fn [] (dotimes [_ 2] (fiber/yield *x*))))))
(prn (vec s))

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
