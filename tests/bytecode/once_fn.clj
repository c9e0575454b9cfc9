; A once fn (^{:once true} fn*, as lazy-seq writes its thunk) takes every upvalue into a
; register in its prologue (GETUPVAL with C=1 also clears the upvalue), so a captured
; value dies at its last use; a nested fn captures the register. A plain fn reads U[B].
(def once (fn* [x y] (^{:once true} fn* [] [x (fn* [] y)])))
(def plain (fn* [x] (fn* [] [x x])))
