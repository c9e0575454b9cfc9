;; Every runtime error is catchable by its class and by each superclass.
(defmacro caught [expr & classes]
  `(vector ~@(for [c classes]
               `(try ~expr :no-error (catch ~c e# '~c)))))

(defn f1 [x] x)
(println (caught (f1) clojure.lang.ArityException IllegalArgumentException RuntimeException Exception Throwable))
(println (caught (+ 1 "a") ClassCastException RuntimeException))
(println (caught (nth [1 2] 5) IndexOutOfBoundsException RuntimeException))
(println (caught (+ nil 1) NullPointerException RuntimeException))
(println (caught (/ 1 0) ArithmeticException RuntimeException Exception))
(println (caught (* Long/MAX_VALUE 2) ArithmeticException))
(println (caught (throw (ex-info "m" {})) clojure.lang.ExceptionInfo RuntimeException Exception))
(println (caught (throw (IllegalStateException. "s")) IllegalStateException RuntimeException))
(println (caught (throw (UnsupportedOperationException. "u")) UnsupportedOperationException))
(println (caught (Long/parseLong "zz") NumberFormatException IllegalArgumentException))
(println (caught (throw (AssertionError. "a")) AssertionError Error Throwable))
(defn deep [n] (inc (deep n)))
(println (caught (deep 1) StackOverflowError Error Throwable))
;; a clause for a non-matching class lets the error through to the next clause
(println (try (/ 1 0)
              (catch IllegalArgumentException e :iae)
              (catch ArithmeticException e :arith)
              (catch Exception e :exception)))
(println (try (try (/ 1 0) (catch IllegalArgumentException e :wrong))
              (catch ArithmeticException e (ex-message e))))
