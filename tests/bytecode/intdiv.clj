; quot rem mod are one instruction each with exactly two arguments, never folded (a
; zero divisor must throw when the code runs); other arities call the function.
(def divs (fn* [a b] [(quot a b) (rem a b) (mod a b) (quot 7 2) (rem 1 0)]))
(def wrong-arity (fn* [a] (quot a)))
