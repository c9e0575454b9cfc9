(println "before")
(println #?("clj" 1))
