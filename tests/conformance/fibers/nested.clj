;; Fibers made and resumed inside fibers: a yield returns to the fiber that resumed,
;; even when that resumer is itself a fiber.
(def trace (atom []))
(defn note [& xs] (swap! trace conj (vec xs)))

;; Three generators deep, driven by hand: each level resumes the one below until it
;; is :dead and yields a transformed value to its own resumer.
(defn drain
  "Resumes fib until it ends, yielding (g v) for every value v it yields."
  [fib g]
  (loop []
    (let [v (fiber/resume fib)]
      (when (= :pending (fiber/status fib))
        (fiber/yield (g v))
        (recur)))))

(def level3 (fiber/new (fn [] (doseq [x [1 2 3]] (note :level3 x) (fiber/yield x)) :level3-done)))
(def level2 (fiber/new (fn [] (drain level3 #(* 10 %)) :level2-done)))
(def level1 (fiber/new (fn [] (drain level2 inc) :level1-done)))

(println (fiber/resume level1) (map fiber/status [level1 level2 level3]))
(println (fiber/resume level1) (map fiber/status [level1 level2 level3]))
(println (fiber/resume level1) (map fiber/status [level1 level2 level3]))
(println (fiber/resume level1) (map fiber/status [level1 level2 level3]))
(prn @trace)

;; The same with fiber-seq at every level.
(defn numbers [] (doseq [x (range 4)] (fiber/yield x)))
(defn squares [] (doseq [x (fiber-seq numbers)] (fiber/yield (* x x))))
(defn labelled [] (doseq [x (fiber-seq squares)] (fiber/yield [:sq x])))
(prn (vec (fiber-seq labelled)))

;; While a child runs, its resumer (a fiber) is :alive, and so is the root.
(def root (fiber/current))
(def parent
  (fiber/new
    (fn []
      (let [me (fiber/current)
            child (fiber/new (fn []
                               (fiber/yield [:child-sees (fiber/status me) (fiber/status root)])
                               [:child-ends (fiber/status (fiber/current))]))]
        (fiber/yield [:parent-got (fiber/resume child) (fiber/status child)])
        (fiber/yield [:parent-got (fiber/resume child) (fiber/status child)])
        :parent-done))))
(prn (fiber/resume parent))
(prn (fiber/resume parent))
(prn (fiber/resume parent) (fiber/status parent))

;; A child's yield goes to its parent, not to the root: the root only sees the
;; parent's yields.
(def p2 (fiber/new (fn []
                     (let [c (fiber/new (fn [] (fiber/yield :to-parent) :child-return))
                           a (fiber/resume c)
                           b (fiber/resume c)]
                       (fiber/yield [a b])
                       :p2-done))))
(prn (fiber/resume p2))
(prn (fiber/resume p2))

;; A parent can pass a suspended child to another fiber, which resumes it.
(def shared (fiber/new (fn [] (fiber/yield 1) (fiber/yield 2) 3)))
(def a (fiber/new (fn [] [:a (fiber/resume shared)])))
(def b (fiber/new (fn [] [:b (fiber/resume shared) (fiber/resume shared)])))
(prn (fiber/resume a) (fiber/resume b) (fiber/status shared))

;; Interleaving two generators by hand.
(defn gen [tag n] (fiber/new (fn [] (dotimes [i n] (fiber/yield [tag i])))))
(let [x (gen :x 3) y (gen :y 3)]
  (prn (vec (for [_ (range 3) g [x y]] (fiber/resume g)))))
