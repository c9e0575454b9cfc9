;; An uncaught non-terminating BigDecimal division ends the script with the error.
(println "before")
(println (/ 1M 3))
(println "not reached")
