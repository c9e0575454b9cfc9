;; let, loop and recur.
(println (let [a 1 b 2] (+ a b)))
(println (let [a 1 b (+ a 1) c (* b 10)] [a b c]))
(println (let [x 1] (let [x (+ x 10)] x)))
(println (let [x 1 x (+ x 1) x (* x 5)] x))
(println (let [] 42))
(println (let [a 1] (+ a 1) (+ a 2)))
(println (loop [i 0 acc 0] (if (> i 100) acc (recur (inc i) (+ acc i)))))
(println (loop [n 20 acc 1] (if (= n 0) acc (recur (dec n) (* acc n)))))
(println (loop [i 0 v []] (if (= i 5) v (recur (inc i) (conj v (* i i))))))
;; recur rebinds all loop locals at once, from the old values.
(println (loop [a 0 b 1 n 10] (if (= n 0) a (recur b (+ a b) (dec n)))))
;; recur to a fn's own parameters.
(defn count-down [n acc] (if (= n 0) acc (recur (dec n) (conj acc n))))
(println (count-down 5 []))
(println ((fn [n acc] (if (= n 0) acc (recur (dec n) (+ acc n)))) 1000000 0))
;; a loop in a let in a loop
(println (loop [i 0 out []]
           (if (= i 3)
             out
             (recur (inc i) (conj out (let [sq (* i i)] (loop [j 0 s 0] (if (> j sq) s (recur (inc j) (+ s j))))))))))
;; recur from cond and when branches in tail position
(println (loop [i 0] (cond (= i 10) :ten (< i 10) (recur (inc i)) :else :never)))
(println (loop [i 0] (when (< i 3) (if (= i 2) :two (recur (inc i))))))
