;; Only :as may follow the & rest binding of a sequential binding form.
(println "before")
(let [[a & b c] [1 2 3]] a)
