;; A failing assert throws AssertionError with the form in the message.
(println "before")
(assert (= 1 2) "numbers differ")
