;; load-file runs a file by path and restores *ns*; load reads a resource relative
;; to the current namespace's folder.
(println (load-file "nsfix/plain.clj"))
(println (ns-name *ns*) nsfix.plain/loaded-by)
(require 'nsfix.parts)
(println nsfix.parts/main-part nsfix.parts/extra-part)
(in-ns 'scratch.space)
(clojure.core/println (clojure.core/ns-name clojure.core/*ns*))
(clojure.core/in-ns 'user)
(def local-var 1)
(println (ns-name *ns*) (intern 'scratch.space 'made 5))
(println scratch.space/made)
(println (alter-var-root #'local-var + 10) local-var)
(println (find-var 'user/local-var) (find-var 'user/missing))
