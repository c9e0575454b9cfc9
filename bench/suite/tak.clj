;; tak: the Takeuchi function, deep non-tail recursion with three arguments.
;; Usage: clove run tak.clj [X]   (default 27); prints (tak X 2X/3 X/3).
(defn tak [x y z]
  (if (< y x)
    (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))
    z))

(let [x (if-let [a (first *command-line-args*)] (parse-long a) 27)]
  (println (tak x (quot (* x 2) 3) (quot x 3))))
