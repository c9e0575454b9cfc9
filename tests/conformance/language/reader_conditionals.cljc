;; Reader conditionals in a .cljc file: Clove matches :clove and :default, in order.
(println #?(:cljs "cljs" :default "default"))
(println [1 #?@(:cljs [:no] :default [2 3]) 4])
(println #?(:cljs 1 :cljr 2 :default (+ 1 2)))
(println [#?(:cljs 1)] "|" (count [#?@(:cljs [1 2])]))
(println {:a #?(:cljs 1 :default 2)})
