;; Functions far larger than anyone writes by hand, as code generators make them: each
;; is built as data and compiled with eval. Compile time must stay near-linear in the
;; size of the function: a 200,000-call body needed tens of gigabytes (dense live sets
;; per block and per instruction), a 20,000-binding let of macro calls minutes (each
;; macro's &env rebuilt from every local), a long let a scan of all locals per symbol.
;; labels: slow
(def counter (atom 0))

;; (fn [] (swap! counter + 0) (swap! counter + 1) ... ): 200,000 calls in one body.
(def calls (eval (list* 'fn [] (map (fn [i] (list 'swap! 'counter '+ (mod i 1000))) (range 200000)))))
(calls)
(println "200,000 calls:" @counter)

;; (fn [x] (when x (swap! counter inc)) ...): 100,000 branches.
(reset! counter 0)
(def branches (eval (list* 'fn '[x] (repeat 100000 '(when x (swap! counter inc))))))
(branches true)
(println "100,000 branches:" @counter)

;; (let [a0 (when x 0) a1 (when x 1) ...] ...): 20,000 bindings made by a macro.
(def bindings (eval (list 'fn '[x]
                          (list 'let (vec (mapcat (fn [i] [(symbol (str "a" i)) (list 'when 'x i)]) (range 20000)))
                                '(+ a0 a9999 a19999)))))
(println "20,000 macro bindings:" (bindings true))

;; (let [x (inc x) x (inc x) ...] x): 100,000 shadowing bindings.
(def shadows (eval (list 'fn '[x] (list 'let (vec (mapcat (fn [_] '[x (inc x)]) (range 100000))) 'x))))
(println "100,000 shadowing bindings:" (shadows 0))

;; (+ (* x 0) (* x 1) ...): 30,000 values live at once, most of them spilled.
(def wide (eval (list 'fn '[x] (list* '+ (map (fn [i] (list '* 'x (mod i 100))) (range 30000))))))
(println "30,000 live values:" (wide 2))
