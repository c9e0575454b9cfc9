;; :refer of a name the namespace does not define is an error.
(println "before")
(require '[nsfix.util :refer [shout no-such-fn]])
(println "not reached")
