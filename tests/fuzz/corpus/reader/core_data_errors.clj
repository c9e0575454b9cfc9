;; Bad inputs to data functions throw catchable exceptions of Clojure's classes.
(defn kind [f]
  (try (f) :no-error
       (catch IndexOutOfBoundsException e :index)
       (catch ClassCastException e :class-cast)
       (catch IllegalArgumentException e :illegal-arg)
       (catch Exception e :exception)))
(prn (kind #(subvec [1 2 3] 2 1)) (kind #(subvec [1 2 3] 0 4)) (kind #(subvec [1 2 3] -1)) (kind #(subvec '(1 2) 0)))
(prn (kind #(key [1 2])) (kind #(val 3)) (kind #(find #{1} 1)) (kind #(disj [1 2] 1)))
(prn (kind #(reduce-kv + 0 '(1 2))) (kind #(merge-with + {:a 1} 5)) (kind #(zipmap 1 2)))
(prn (contains? "abc" 1) (contains? "abc" 5))
(prn (try (contains? "abc" :a) (catch IllegalArgumentException e (ex-message e))))
(prn (try (contains? 5 1) (catch IllegalArgumentException e (ex-message e))))
(prn (contains? nil 1) (contains? "abc" 1.5))
