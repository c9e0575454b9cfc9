;; Reader conditionals in a .cljc file: Clove's features are #{:clove :clj}; the first
;; branch naming one of them or :default is read.
(println #?(:cljs "cljs" :default "default"))
(println [1 #?@(:cljs [:no] :default [2 3]) 4])
(println #?(:cljs 1 :cljr 2 :default (+ 1 2)))
(println [#?(:cljs 1)] "|" (count [#?@(:cljs [1 2])]))
(println {:a #?(:cljs 1 :default 2)})
(println #?(:clj "clj" :default "default") #?(:cljs 1 :clj 2) #?(:clove :clove :clj :clj))
(println [#?@(:cljs [:s] :clj [:j :k])] #?(:cljr 1 :default :d :clj :late))
