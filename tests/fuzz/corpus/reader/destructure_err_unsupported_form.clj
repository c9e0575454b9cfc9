;; A binding form that is neither a symbol, a vector nor a map is rejected.
(println "before")
(let [[a "b"] [1 2]] a)
