;; recur inside one arity of a multi-arity fn: each arity keeps its own recur target
;; (a regression: the targets used to dangle once a later arity was analyzed).
(def f (fn ([n] (if (= n 0) :done (recur (- n 1))))
           ([a b] (if (= a 0) b (recur (- a 1) (+ b 1))))
           ([a b & more] (if (= a 0) [b more] (recur (- a 1) b more)))))
(prn (f 100))
(prn (f 5 10))
(prn (f 3 1 2 3))
(defn tramp ([g] (let [r (g)] (if (fn? r) (recur r) r))) ([g & args] (tramp (fn [] (apply g args)))))
(prn (tramp (fn [] (fn [] 42))))
