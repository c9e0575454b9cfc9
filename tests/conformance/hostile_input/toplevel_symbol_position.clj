;; A symbol alone at top level: its error points at it (it used to say <unknown>: the
;; source map records positions of collections only).
(println "before")
  undefined-thing
(println "not reached")
