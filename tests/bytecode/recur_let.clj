; recur of let-bound values: each let value is computed straight into its loop
; variable's register when nothing after its definition reads that variable (no MOVE
; before the jump back); the loop variable's name is hidden while the register holds
; the next iteration's value.
(fn* [cr] (loop* [i 0 zr 0.0 zi 0.0]
  (if (< i 50)
    (let* [zi2 (+ (* 2.0 zr zi) cr) zr2 (- (* zr zr) (* zi zi))]
      (recur (inc i) zr2 (* zi2 1.0)))
    zr)))
; zr is read after zi2 is defined: zi2's value must stay in its own register until the move.
(fn* [x] (loop* [a x b 0]
  (if (< b 3)
    (let* [c (+ a 1)] (recur (+ a b) c))
    a)))
; the let value is two recur arguments: computed into the last one's register, copied to
; the other's.
(fn* [] (loop* [a 0 b 0]
  (if (< a 3)
    (let* [c (inc a)] (recur c c))
    b)))
