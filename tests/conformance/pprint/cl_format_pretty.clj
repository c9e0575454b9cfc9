;; cl-format directives that use the pretty writer: justification with an end-of-line
;; clause (~:;), logical blocks (~<...~:>) with ~_ ~I ~T inside, and nesting with pprint.
(require '[clojure.pprint :as pp :refer [cl-format]])

(def words ["alpha" "beta" "gamma" "delta" "epsilon" "zeta" "eta" "theta" "iota" "kappa"
            "lambda" "mu" "nu" "xi" "omicron" "pi" "rho" "sigma" "tau" "upsilon"])

(cl-format true "~%;; ~{~<~%;; ~1,72:; ~a~>~^,~}.~%" words)
(cl-format true "~{~<~%~1,30:; ~a~>~}~%" words)
(cl-format true "~{~<~%~,40:; ~a~>~}~%" words)
(cl-format true "Items: ~<~@{~a~^, ~:_~}~:>~%" words)
(binding [pp/*print-right-margin* 30]
  (cl-format true "Items: ~<~@{~a~^, ~:_~}~:>~%" words)
  (cl-format true "Items: ~<~@{~a~^, ~_~}~:>~%" (take 4 words))
  (cl-format true "Items: ~:<~@{~a~^, ~_~}~:>~%" (take 8 words))
  (cl-format true "~:<~a~^ ~2I~_~@{~a~^ ~_~}~:>~%" words)
  (cl-format true "~:<~a~^ ~:I~@{~a~^ ~_~}~:>~%" words)
  (cl-format true "(~a ~:<~@{~a~^ ~:_~}~:>)~%" "head" words))
(cl-format true "~a~20t~a~%" "name" "value")
(cl-format true "~:<~a~20t~a~:>~%" ["name" "value"])
(cl-format true "~w and ~w~%" {:a 1 :b [1 2 3]} '(x y))
(cl-format true "~:w~%" (zipmap (range 20) (range 20)))
(cl-format true "~@w~%" [1 [2 [3 [4]]]])
(binding [*print-level* 2 *print-length* 3]
  (cl-format true "~w / ~@w~%" [1 [2 [3 [4]]] 5 6] [1 [2 [3 [4]]] 5 6]))
(prn (cl-format nil "~<~a~:>" ["in a string"]))
(prn (cl-format nil "~:<~{~a~^ ~_~}~:>" [(range 40)]))
(println (pp/write (range 5) :stream nil))
(pp/pprint {:inner (cl-format nil "~:<~@{~a~^ ~_~}~:>" (range 30))})
