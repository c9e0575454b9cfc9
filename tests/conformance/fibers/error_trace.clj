;; An uncaught exception that crosses fibers: the trace shows the frames of the fiber
;; that threw and then those of the fiber that resumed it. (fiber-body does not call
;; deep-in-fiber in tail position, so its frame is still there.)
(println "start")
(defn deep-in-fiber [x] (throw (ex-info "from the fiber" {:x x})))
(defn fiber-body [] (fiber/yield :once) (deep-in-fiber 1) :not-a-tail-call)
(defn driver []
  (let [f (fiber/new fiber-body)]
    (fiber/resume f)
    (fiber/resume f)))
(driver)
(println "not reached")
