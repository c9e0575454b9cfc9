; (nth coll i not-found) is one NTHD, which reads the not-found value from its own
; target register: the value is copied there first, so a local used as the default
; stays intact. Sequential destructuring writes (nth p 0 nil), as `pair` does: with a
; literal index 0..255 and nil that is one NTHI, the index in C.
(def pair (fn* [p] [(clojure.core/nth p 0 nil) (clojure.core/nth p 1 nil)]))
; Past C's reach, negative, or another default: NTHD.
(def not-nthi (fn* [p] [(clojure.core/nth p 256 nil) (clojure.core/nth p -1 nil) (clojure.core/nth p 0 :nf)
                        (clojure.core/nth p 255 nil)]))
(def keeps-default (fn* [v d] [(clojure.core/nth v 0 d) d]))
; Two arguments stay NTH; four are a call (an arity error at run time).
(def two (fn* [v] (clojure.core/nth v 1)))
(def four (fn* [v] (clojure.core/nth v 1 2 3)))
; (get m k not-found) and (:k m not-found) are GETD, the same shape.
(def get-default (fn* [m d] [(clojure.core/get m :a d) (:b m 0) d]))
