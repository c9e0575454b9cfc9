; Inlined collection functions: first next count reduced? nth get are one instruction
; each when they name clojure.core's vars; a local of the same name is an ordinary call.
(def walk (fn* [s] (if s [(first s) (next s) (count s) (reduced? s)] nil)))
(def lookup (fn* [v m k] [(nth v 2) (get m k) (get m :a)]))
(def shadowed (fn* [first] (first 1)))
(nth [1 2] 0 :default)
; COUNT's C=1 marks a source register that dies there (cleared before the walk, so a
; lazy seq's head is not held); a seq used after the count keeps C=0.
(def count-dying (fn* [] (count (list 1 2 3))))
(def count-kept (fn* [s] [(count s) (first s)]))
; NTH over a source that dies there writes its result into the source register (the VM
; clears a source that is also the target before walking).
(def nth-dying (fn* [i] (vector 0 (nth (list 1 2 3) i))))
(def kw-get (fn* [m] (:a m)))
(def kw-get-default (fn* [m] (:a m 5)))
