;; clojure.template: apply-template and do-template.
(require '[clojure.template :as t])
(prn (t/apply-template '[x y] '(+ x (* y x)) [2 3]))
(prn (t/apply-template '[x] '[x {:k x} #{x}] [:v]))
(prn (macroexpand '(clojure.template/do-template [x y] (+ y x) 2 4 3 5)))
(t/do-template [n v] (def n v) a 1 b 2)
(prn a b)
(prn (try (t/apply-template '(x) 'x [1]) (catch AssertionError e :assert)))
