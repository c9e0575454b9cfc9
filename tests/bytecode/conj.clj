; (conj coll x ...) is one CONJ per item, after every argument is evaluated; CONJ
; rewrites a copy of the collection, so a collection used again keeps its register.
(def add (fn* [v x] (clojure.core/conj v x)))
(def add3 (fn* [v] (clojure.core/conj v 1 2 3)))
(def keeps (fn* [v x] [(clojure.core/conj v x) v]))
; One or no argument stays a call.
(def one (fn* [v] (clojure.core/conj v)))
(def none (fn* [] (clojure.core/conj)))
