;; deftype and reify: opaque types with protocol methods; reify closes over locals.
(defprotocol Counter
  (current [c])
  (bump [c] [c n]))

(deftype Fixed [start step]
  Counter
  (current [_] start)
  (bump [_] (Fixed. (+ start step) step))
  (bump [_ n] (Fixed. (+ start (* n step)) step)))

(def f (->Fixed 10 5))
(println (current f) (current (bump f)) (current (bump f 3)))
(println (instance? Fixed f) (record? f) (map? f) (= f f) (= f (->Fixed 10 5)))
(println (satisfies? Counter f) (= Fixed (type f)))

(deftype Named [n]
  Object
  (toString [_] (str "Named<" n ">")))
(println (str (->Named "x")))

(defn make-counter [start]
  (let [state (atom start)]
    (reify Counter
      (current [_] @state)
      (bump [this] (swap! state inc) this)
      (bump [this n] (swap! state + n) this))))
(def c (make-counter 100))
(bump c)
(bump c 10)
(println (current c) (current (make-counter 1)) (satisfies? Counter c))

(def r (reify
         Counter
         (current [_] :reified)
         Object
         (toString [_] "a reified counter")))
(println (current r) (str r))
(println (try (bump r) (catch Throwable e :no-such-method)))

;; reify implements several protocols
(defprotocol Sized (size [x]))
(def both (reify Counter (current [_] 1) Sized (size [_] 2)))
(println (current both) (size both) (satisfies? Sized both) (satisfies? Sized c))
