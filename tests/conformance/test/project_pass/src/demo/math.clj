(ns demo.math
  "Code under test for the passing sample project.")

(defn add [a b] (+ a b))
(defn mean [xs] (/ (reduce + xs) (count xs)))
