; loop/recur, let, letfn, case*, try/catch/finally.
(loop* [i 0 acc 0] (if (< i 10) (recur (inc i) (+ acc i)) acc))
(let* [a 1 b [a (+ a 1)]] b)
(letfn* [ev? (fn* ev? [n] (if (zero? n) true (od? (dec n))))
         od? (fn* od? [n] (if (zero? n) false (ev? (dec n))))]
  (ev? 4))
(case* 2 :none [1 :one 2 :two])
(try (/ 1 0) (catch ArithmeticException e :div) (finally 3))
; and/or in an if's test: compare-and-skip branches to the arms, no value built and tested again.
(fn* [i x] (if (let* [a (< i 50)] (if a (let* [b (<= x 4.0)] (if b b false)) a)) :in :out))
(fn* [x y] (if (let* [o (nil? x)] (if o o (< y 0))) :bad :ok))
(fn* [x] (if (some? x) (nil? x) (not (nil? x))))
; reduce's (if (reduced? acc) ...): BRREDUCED, one compare-and-skip
(fn* [f acc x] (let* [a (f acc x)] (if (reduced? a) (deref a) a)))
