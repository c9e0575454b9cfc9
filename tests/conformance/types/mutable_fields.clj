;; deftype fields marked ^:volatile-mutable or ^:unsynchronized-mutable, assigned with
;; set! inside the methods; a closure made in a method keeps the value it saw.
(defprotocol Counter
  (bump! [c] [c n])
  (current [c])
  (reader [c]))

(deftype MutableCounter [^:volatile-mutable n ^:unsynchronized-mutable history label]
  Counter
  (bump! [this] (bump! this 1))
  (bump! [this k]
    (set! history (conj history n))
    (set! n (+ n k))
    this)
  (current [_] [label n history])
  (reader [_] (fn [] n))
  clojure.lang.IDeref
  (deref [_] n)
  Object
  (toString [_] (str label ":" n)))

(def c (MutableCounter. 0 [] "clicks"))
(def read-n (reader c))
(prn (current c) @c (read-n))
(bump! c)
(bump! c 10)
(prn (current c) @c (read-n) (str c))
(dotimes [_ 5] (bump! c))
(prn @c (count (nth (current c) 2)) (str "now " c))

(deftype Cell [^:volatile-mutable v]
  clojure.lang.IDeref
  (deref [_] v)
  clojure.lang.IFn
  (invoke [this f] (set! v (f v)) v)
  (invoke [this f x] (set! v (f v x)) v)
  (invoke [this f x y] (set! v (f v x y)) v))
(def cell (Cell. {:hits 0}))
(prn (cell update :hits inc) (cell assoc :last :a) @cell)
(prn (let [v 5] [v @cell]) (map (fn [_] (cell update :hits inc)) [1 2]))
