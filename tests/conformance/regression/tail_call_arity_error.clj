;; An arity error in a tail call is reported at the caller, not inside the callee.
(defn f [x]
  (* x 2))
(println (f 21))
(f 1 2)
