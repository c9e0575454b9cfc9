;; spectral_norm: the Benchmarks Game spectral norm of the infinite matrix
;; A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1), by 10 power-method steps on N-vectors
;; (persistent vectors; each product is a mapv of reductions).
;; Usage: clove run spectral_norm.clj [N]   (default 700); prints floor(1e9 * norm).
(defn a [i j]
  (let [ij (+ i j)]
    (/ 1.0 (+ (quot (* ij (inc ij)) 2) i 1))))

(defn av [x]  ; A x
  (let [n (count x)]
    (mapv (fn [i] (reduce (fn [s j] (+ s (* (a i j) (x j)))) 0.0 (range n)))
          (range n))))

(defn atv [x]  ; A' x
  (let [n (count x)]
    (mapv (fn [i] (reduce (fn [s j] (+ s (* (a j i) (x j)))) 0.0 (range n)))
          (range n))))

(defn atav [x] (atv (av x)))

(let [n (if-let [a (first *command-line-args*)] (parse-long a) 700)
      [u v] (reduce (fn [[u _] _] (let [v (atav u)] [(atav v) v]))
                    [(vec (repeat n 1.0)) nil]
                    (range 10))
      vbv (reduce + 0.0 (map * u v))
      vv (reduce + 0.0 (map * v v))]
  (println (long (Math/floor (* (Math/sqrt (/ vbv vv)) 1e9)))))
