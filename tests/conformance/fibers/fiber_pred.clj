;; fiber? is true of fibers in every status and of nothing else.
(def f (fiber/new (fn [] (fiber/yield 1))))
(println (fiber/fiber? f))
(fiber/resume f)
(println (fiber/fiber? f))
(fiber/resume f)
(println (fiber/fiber? f) (fiber/status f))
(println (fiber/fiber? (fiber/current)))
(println (map fiber/fiber? [nil 1 "s" :k 'sym [] {} #{} () (fn []) (atom 1) (delay 1) (fiber-seq (fn []))]))
(println (fiber/resume (fiber/new (fn [] (fiber/fiber? (fiber/current))))))
;; fiber/current inside a fiber is that fiber
(def me (fiber/new (fn [] (fiber/current))))
(println (identical? me (fiber/resume me)))
;; and outside any fiber the same root fiber every time, not any other fiber
(println (identical? (fiber/current) (fiber/current)) (identical? me (fiber/current)))
;; the clove.fiber namespace is there without a require, under its full name too
(println (clove.fiber/fiber? f) (= fiber/new clove.fiber/new))
