;; Bad input: an interface named without the method a core fn needs (AbstractMethodError
;; as on the JVM), an arity of invoke that is not given, calling a type that is not a
;; fn, and a form naming an interface Clove does not know, which still loads (the JVM
;; variant, bad_types.jvm.clj, names java.io.Serializable there instead).
(defn outcome [f]
  (try (f) (catch AbstractMethodError _ :abstract-method-error)
       (catch ClassCastException _ :class-cast-exception)
       (catch UnsupportedOperationException _ :unsupported-operation)
       (catch IllegalArgumentException _ :illegal-argument)))

(deftype HalfDone [x]
  clojure.lang.Counted
  clojure.lang.ILookup
  (valAt [_ k] [:looked-up k])
  clojure.lang.IDeref
  clojure.lang.IFn
  (invoke [_ a] [:one a]))

(def h (HalfDone. 1))
(prn (outcome #(count h)) (outcome #(deref h)) (outcome #(h 1 2)) (h 1))
(prn (outcome #(get h :k)) (outcome #(get h :k :nf)) (outcome #(seq h)) (outcome #(conj h 1)))
(prn (counted? h) (ifn? h) (instance? clojure.lang.IDeref h))

(deftype NotCallable [])
(prn (outcome #((NotCallable.) 1)) (ifn? (NotCallable.)) (outcome #(count (NotCallable.))))
(prn (outcome #(deref (NotCallable.))) (get (NotCallable.) :k :nf) (outcome #(seq (NotCallable.))))

(deftype Exotic [n]
  java.io.Serializable
  Object
  (toString [_] (str "Exotic " n)))
(prn (str (Exotic. 21)) 42 (instance? Exotic (Exotic. 1)))
