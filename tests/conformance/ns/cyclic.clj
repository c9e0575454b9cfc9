;; Two namespaces that require each other: a cyclic load dependency.
(println "before")
(require 'nsfix.cyc-a)
(println "not reached")
