; (-pfn p i x) with a literal method index 0..255 is one PFN: defprotocol's method fns
; dispatch with it. PFN rewrites the register holding the protocol with the fn, so the
; protocol is copied there first and p itself stays intact.
(def by-literal (fn* [p x] ((clojure.core/-pfn p 1 x) x)))
(def keeps-p (fn* [p x] [(clojure.core/-pfn p 0 x) p]))
; Any other index is an ordinary call of the -pfn native.
(def by-local (fn* [p i x] (clojure.core/-pfn p i x)))
(def out-of-range (fn* [p x] (clojure.core/-pfn p 256 x)))
