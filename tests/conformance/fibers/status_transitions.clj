;; Every status a fiber goes through, seen from outside and from inside, and
;; fiber/value in each of them.
(def log (atom []))
(def parent (fiber/current))

(def f (fiber/new (fn []
                    (swap! log conj [:inside (fiber/status (fiber/current))
                                     :resumer (fiber/status parent)])
                    (let [x (fiber/yield :first)]
                      (swap! log conj [:resumed-with x (fiber/status (fiber/current))])
                      (fiber/yield :second)
                      :returned))))

(println "root" (fiber/status (fiber/current)) (fiber/fiber? (fiber/current)))
(println "made" (fiber/status f) (fiber/value f))
(println "resume 1 ->" (fiber/resume f) (fiber/status f) (fiber/value f))
(println "resume 2 ->" (fiber/resume f :x) (fiber/status f) (fiber/value f))
(println "resume 3 ->" (fiber/resume f) (fiber/status f) (fiber/value f))
(doseq [e @log] (prn e))

;; A fiber that returns without yielding goes straight from :new to :dead.
(def g (fiber/new (fn [] 42)))
(println "g" (fiber/status g) (fiber/resume g) (fiber/status g) (fiber/value g))

;; A function returning nil: resume returns nil, value nil.
(def n (fiber/new (fn [] nil)))
(println "n" (fiber/resume n) (fiber/status n) (fiber/value n))

;; :error, with and without :error in the mask; value is the exception.
(def e1 (fiber/new (fn [] (fiber/yield 1) (throw (ex-info "bad" {:k 1}))) #{:error}))
(println "e1" (fiber/resume e1) (fiber/status e1))
(let [r (fiber/resume e1)]
  (println "e1" (ex-message r) (fiber/status e1) (identical? r (fiber/value e1))))
(def e2 (fiber/new (fn [] (throw (ex-info "worse" {:k 2})))))
(let [r (try (fiber/resume e2) (catch Exception ex ex))]
  (println "e2" (ex-message r) (fiber/status e2) (identical? r (fiber/value e2))))

;; yield with no value yields nil: the fiber is still :pending.
(def y (fiber/new (fn [] (fiber/yield) :end)))
(println "y" (fiber/resume y) (fiber/status y) (fiber/value y))
(println "y" (fiber/resume y) (fiber/status y) (fiber/value y))
