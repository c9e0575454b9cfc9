;; An exception thrown by a user macro is reported at the macro call site, naming it.
(defmacro picky [x] (if (number? x) x (throw (IllegalArgumentException. "picky wants a number"))))
(println (picky 1))
(defn g []
  (picky :no))
