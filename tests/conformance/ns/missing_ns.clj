;; Requiring a namespace with no file on the load path is an error naming the files.
(println "before")
(require '[nsfix.does-not-exist :as d])
(println "not reached")
