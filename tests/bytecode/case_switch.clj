; case* with four or more tests: one SWITCH over a map constant, then its jump table
; (default first); fewer tests stay a chain of EQ tests.
(fn* [x] (case* x :other [1 :one 2 :two "s" :str :k :kw]))
(fn* [x] (let* [r (case* x 0 [:a 1 :b 2 :c 3 :d 4 :a 5])] (+ r 1)))
(fn* [x] (case* x :other [1 :one 2 :two 3 :three]))
