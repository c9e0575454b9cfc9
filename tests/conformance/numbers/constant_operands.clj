;; Arithmetic and comparisons with a literal operand, and comparisons that decide an
;; `if` (compiled to the ...K instructions and the compare-and-skip ones), on every kind
;; of number, NaN, non-numbers and overflow: the same results and errors as a call.
(defn err [f]
  (try (f)
       (catch ArithmeticException _ "ArithmeticException")
       (catch ClassCastException _ "ClassCastException")
       (catch NullPointerException _ "NullPointerException")
       (catch Throwable _ "other")))

;; Arithmetic with a constant on the right, and on the left.
(defn arith [x]
  [(+ x 7) (+ 7 x) (- x 7) (- 7 x) (* x 3) (* 3 x) (/ x 2) (/ 2 x)
   (quot x 3) (rem x 3) (mod x 3) (+ x 0.5) (* x 1/3) (+ x 10000000000000000)])
(doseq [x [10 -10 2.5 1/2 (bigint 12)]]
  (println x (arith x)))
(println (arith 5) (arith -7))
(println (mod -7 3) (rem -7 3) (quot -7 3) (mod 7 -3) (mod -7.5 2))
(println (* 100000000000 3) (* 3 100000000000000000) (- -140737488355328 1))
(println (err #(+ Long/MAX_VALUE 1)) (err #(* Long/MAX_VALUE 2)) (err #(- Long/MIN_VALUE 1)))
(println (err #(quot 1 0)) (err #(rem 1 0)) (err #(mod 1 0)) (err #(/ 1 0)))
(let [f (fn [x] (quot x 0))] (println (err #(f 5))))
(let [f (fn [x] (+ x 1))] (println (err #(f "a")) (err #(f nil))))

;; Branching comparisons against a register, a constant on either side, and NaN.
(defn cmp [x y]
  [(if (< x y) :lt :no) (if (<= x y) :le :no) (if (> x y) :gt :no) (if (>= x y) :ge :no)
   (if (== x y) :eq :no) (if (= x y) := :no)])
(doseq [[x y] [[1 2] [2 1] [2 2] [1 1.0] [1.5 3/2] [##NaN 1] [1 ##NaN] [##NaN ##NaN] [-0.0 0.0]
               [(bigint 5) 5] [10000000000000000 10000000000000001]]]
  (println x y (cmp x y)))
(defn vs-const [x]
  [(if (< x 3) :a :b) (if (< 3 x) :a :b) (if (<= x 3) :a :b) (if (<= 3 x) :a :b)
   (if (> x 3) :a :b) (if (> 3 x) :a :b) (if (>= x 3) :a :b) (if (>= 3 x) :a :b)
   (if (== x 3) :a :b) (if (== 3 x) :a :b) (if (= x 3) :a :b) (if (= 3 x) :a :b)
   (if (zero? x) :z :nz) (if (not (zero? x)) :nz :z) (if (< x 2.5) :a :b) (if (> x 1/2) :a :b)])
(doseq [x [0 3 4 2 3.0 2.9 ##NaN 0.0 -0.0 7/2 (bigint 3)]]
  (println x (vs-const x)))
;; = with constants that are not numbers.
(defn kind [x]
  (cond (= x :k) :keyword (= x "s") :string (= x nil) :nil (= x [1 2]) :vector (= x 'sym) :symbol
        (= :k2 x) :keyword2 :else :other))
(println (map kind [:k "s" nil [1 2] '(1 2) 'sym :k2 false 1]))
(println (err #(if (< "a" 1) 1 2)) (err #(if (< 1 nil) 1 2)) (err #(if (> :k 3) 1 2)))
(let [f (fn [x] (if (< x 1) :small :big))] (println (err #(f "x"))))

;; Loops whose test and step use constants; recur rewrites loop variables in place.
(println (loop [i 0 acc 0] (if (< i 100) (recur (inc i) (+ acc (mod (* i i) 7))) acc)))
(println (loop [i 10 acc []] (if (> i 0) (recur (- i 3) (conj acc i)) acc)))
(println (loop [a 0 b 1 n 0] (if (< n 20) (recur b (+ a b) (inc n)) a)))
(println (loop [x 1.0 n 0] (if (>= x 1000.0) [x n] (recur (* x 1.5) (inc n)))))
(println (loop [a 1 b 2 n 0] (if (== n 5) [a b] (recur b a (inc n)))))
;; Products that pass 2^47 and come back below it.
(println (loop [i 0 acc 0] (if (< i 2000) (recur (inc i) (+ acc (mod (* i 123456789123) 1000003))) acc)))

;; More than 256 constants in one function: later ones use the register forms.
(defmacro many-consts [x]
  `(+ ~@(for [i (range 300)] `(if (< ~x ~(+ 1000 i)) ~(* 3 i) ~(- i)))))
(println (many-consts 1150) (many-consts 5))

;; Longs past 48 bits (boxed in Clove) on the instructions' fast paths.
(let [big 200000000000000 m Long/MIN_VALUE x Long/MAX_VALUE]
  (println (+ big big) (- big (* 3 big)) (* big 40) (quot (* big 7) big) (rem (+ big 5) big) (mod (- big) 7))
  (println (< big (inc big)) (<= (inc big) big) (== big 200000000000000) (= big (+ big 0)) (if (> big 1) :gt :no))
  (println (err #(quot m -1)) (rem m -1) (mod m -1) (err #(* big big)) (err #(+ x big)) (err #(- m big)))
  (println (quot m 2) (rem x 10) (mod m 10) (- x x) (+ m x)))
