(println "before")
#?@(:default [1 2])
