;; mandelbrot: the Benchmarks Game Mandelbrot set on an N x N grid over
;; [-1.5, 0.5] x [-1, 1], 50 iterations, escape at |z|^2 > 4 (floating-point loops).
;; Usage: clove run mandelbrot.clj [N]   (default 1000); prints the number of points
;; in the set.
(defn inside? [cr ci]
  (loop [i 0 zr 0.0 zi 0.0 tr 0.0 ti 0.0]
    (if (and (< i 50) (<= (+ tr ti) 4.0))
      (let [zi (+ (* 2.0 zr zi) ci)
            zr (+ (- tr ti) cr)]
        (recur (inc i) zr zi (* zr zr) (* zi zi)))
      (<= (+ tr ti) 4.0))))

(defn mandelbrot [n]
  (reduce + (for [y (range n)
                  :let [ci (- (/ (* 2.0 y) n) 1.0)]
                  x (range n)
                  :when (inside? (- (/ (* 2.0 x) n) 1.5) ci)]
              1)))

(let [n (if-let [a (first *command-line-args*)] (parse-long a) 1000)]
  (println (mandelbrot n)))
