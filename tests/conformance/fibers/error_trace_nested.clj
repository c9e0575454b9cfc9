;; The same three fibers deep: the root resumes a fiber that resumes a fiber that throws.
(defn level3 [] (throw (IllegalStateException. "at level 3")))
(defn level2 [] (fiber/resume (fiber/new level3)) :not-a-tail-call)
(defn level1 [] (fiber/resume (fiber/new level2)))
(level1)
