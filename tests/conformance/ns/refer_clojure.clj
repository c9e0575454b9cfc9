;; (:refer-clojure :exclude ...) lets a namespace define its own versions of core names.
(ns refer-clojure-test
  (:refer-clojure :exclude [inc get]))

(defn inc [x] (+ x 100))
(defn get [m k] (str "got " (clojure.core/get m k)))

(println (inc 1) (get {:a 1} :a) (dec 5))
(println (clojure.core/inc 1))
(println (map inc [1 2]))
(println (resolve 'inc))
