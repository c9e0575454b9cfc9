;; Symbols are functions of one or two arguments that look themselves up, as keywords
;; are (clojure.lang.Symbol implements IFn).
(println ('a {'a 1}) ('b {'a 1} :nf) ('a #{'a}) ('a nil) ('x/y {'x/y 2}) (ifn? 'a) (fn? 'a))
(println (map 'k [{'k 1} {'k 2} {}]) (filter 'b [#{'a} #{'b}]) (apply 'z [{'z 26}]))
(println ((symbol "dyn") {(symbol "dyn") :found}))
(doseq [args [[] [1 2 3]]]
  (println (try (apply 'a args)
                (catch clojure.lang.ArityException e (ex-message e)))))
