;; Bad inputs to numeric functions throw catchable exceptions.
(defn kind [f] (try (f) :no-error (catch ArithmeticException e :arithmetic) (catch IllegalArgumentException e :illegal-arg) (catch ClassCastException e :class-cast) (catch Exception e :exception)))
(prn (kind #(bit-and 1.5 1)) (kind #(bit-shift-left 1N 2)) (kind #(numerator 1)) (kind #(bigdec 1/3)))
(prn (kind #(bigint "12x")) (kind #(+' 1 "a")) (kind #(num "x")) (kind #(rand-int "x")))
;; + - * called as functions on two small longs (reduce, apply): checked, promoted past 47 bits, overflow past 64.
(prn (reduce + [140737488355327 1]) (reduce - [-140737488355328 1]) (reduce * [140737488355327 65536]) (apply + [3 4]) (apply - [3 4]) (apply * [-3 4]))
(prn (try (reduce * [140737488355327 140737488355327]) (catch ArithmeticException e (.getMessage e))) (reduce + 0.5 [1 2]) (apply / [7 2]) (apply / [8 2]))
;; Long arithmetic past 64 bits: "long overflow" (Math.addExact's message) on every path; (/ Long/MIN_VALUE -1) wraps as on the JVM.
(defn overflow-msg [f] (try (f) (catch ArithmeticException e (.getMessage e))))
(let [x (identity Long/MAX_VALUE) y (identity 1) z (identity Long/MIN_VALUE)]
  (prn (overflow-msg #(+ x y)) (overflow-msg #(- z y)) (overflow-msg #(* x 2)) (overflow-msg #(inc x)) (overflow-msg #(dec z)) (overflow-msg #(- z)))
  (prn (overflow-msg #(/ z -1)) (overflow-msg #(quot z -1)) (overflow-msg #(apply + [x y])) (overflow-msg #(abs z)) (overflow-msg #(apply * [z -1]))))
