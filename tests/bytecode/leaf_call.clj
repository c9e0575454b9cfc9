; A one-argument call of a clojure.core var holding a leaf native (seq? pos? key ...,
; natives/core/leaf.cpp) is one LEAFCALL naming the var: no GETVAR, no call window.
(def tests (fn* [x] [(clojure.core/seq? x) (clojure.core/map? x) (clojure.core/pos? x)]))
(def entry (fn* [e] (clojure.core/key e)))
; Other argument counts, and natives that are not leaves, stay calls.
(def two-args (fn* [x] (clojure.core/key x x)))
(def not-leaf (fn* [x] (clojure.core/vec x)))
; one-argument calls of a register's value: CALL1, no window (a var's fn keeps CALL)
(fn* [v m f i] [(v i) (m :k) (f i) ((f i) i)])
(fn* [f xs] (fn* [x] (f x)))
