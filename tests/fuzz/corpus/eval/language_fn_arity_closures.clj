;; fn: multiple arities, variadic arguments, closures, higher-order use.
(def greet
  (fn ([] (greet "world"))
      ([who] (str "hello, " who))
      ([greeting who] (str greeting ", " who))))
(println (greet) "|" (greet "clove") "|" (greet "hi" "there"))
(defn sum-all [& xs] (loop [s 0 xs xs] (if (= 0 (count xs)) s (recur (+ s (first xs)) (rest xs)))))
(println (sum-all) (sum-all 1) (sum-all 1 2 3 4))
(defn head-and-rest [x & more] [x more])
(prn (head-and-rest 1) (head-and-rest 1 2 3))
(defn arities ([] 0) ([a] 1) ([a b] 2) ([a b & more] (+ 2 (count more))))
(println (arities) (arities :a) (arities :a :b) (arities :a :b :c :d :e))
(defn make-adder [n] (fn [x] (+ x n)))
(def add5 (make-adder 5))
(def add10 (make-adder 10))
(println (add5 1) (add10 1) ((make-adder 100) 1))
(defn compose2 [f g] (fn [x] (f (g x))))
(println ((compose2 add5 add10) 0) ((compose2 inc inc) 40))
(defn make-counter-fns [start]
  (let [base (* start 2)]
    [(fn [] base) (fn [k] (+ base k)) (fn [& ks] (+ base (count ks)))]))
(let [fs (make-counter-fns 21)]
  (println ((nth fs 0)) ((nth fs 1) 8) ((nth fs 2) :a :b :c)))
(defn apply-n [f n x] (if (= n 0) x (recur f (dec n) (f x))))
(println (apply-n add5 10 0) (apply-n (fn [v] (conj v (count v))) 4 []))
;; closures capture the value of the local when the fn is made
(def fns (loop [i 0 acc []] (if (= i 3) acc (recur (inc i) (conj acc (fn [] (* i 100)))))))
(println ((nth fns 0)) ((nth fns 1)) ((nth fns 2)))
;; a named fn can call itself by its name
(println ((fn fact [n] (if (<= n 1) 1 (* n (fact (dec n))))) 10))
;; functions are values
(println ((if true + -) 10 3) ((if false + -) 10 3))
