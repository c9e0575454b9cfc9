(ns nsfix.plain)

(def loaded-by :load-file)
(println "in" (ns-name *ns*))
:plain-result
