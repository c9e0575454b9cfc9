;; JVM variant: with the recorder's 1 GiB stack the JVM compares them; overflow by hand.
(println "before")
(throw (StackOverflowError.))
