;; A case without a default throws IllegalArgumentException when nothing matches.
(defn f [x] (case x 1 :a 2 :b 3 :c 4 :d))
(println (f 4))
(println (f 5))
