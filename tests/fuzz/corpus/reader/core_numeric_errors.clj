;; Bad inputs to numeric functions throw catchable exceptions.
(defn kind [f] (try (f) :no-error (catch ArithmeticException e :arithmetic) (catch IllegalArgumentException e :illegal-arg) (catch ClassCastException e :class-cast) (catch Exception e :exception)))
(prn (kind #(bit-and 1.5 1)) (kind #(bit-shift-left 1N 2)) (kind #(numerator 1)) (kind #(bigdec 1/3)))
(prn (kind #(bigint "12x")) (kind #(+' 1 "a")) (kind #(num "x")) (kind #(rand-int "x")))
