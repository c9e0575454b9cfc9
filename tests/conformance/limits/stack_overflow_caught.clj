;; Unbounded recursion throws a catchable StackOverflowError; the program then continues.
(defn forever [n] (+ 1 (forever (inc n))))
(println (try (forever 0) (catch StackOverflowError e "caught StackOverflowError")))
(println (try (forever 0) (catch Error e "caught as Error")))
(println (try (forever 0) (catch Throwable e "caught as Throwable")))
(println (try (forever 0) (catch ArithmeticException e "wrong") (catch StackOverflowError e "second clause")))
;; still usable afterwards, including deep recursion
(defn sum-to [n] (if (= n 0) 0 (+ n (sum-to (- n 1)))))
(println (sum-to 100000))
(defn overflow-inside [] (try (forever 0) (catch StackOverflowError e :inner)))
(println (overflow-inside) (sum-to 10))
(println "done")
