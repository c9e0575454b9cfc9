;; An unbound var reads as a clojure.lang.Var$Unbound object, as in Clojure; calling
;; it is an IllegalStateException.
(declare x)
(prn (bound? #'x) (str x) (type x) (instance? clojure.lang.Var$Unbound x))
(prn (str @#'x) (str (var-get #'x)) (= x x) (nil? x) (some? x) (fn? x))
(prn (.startsWith (pr-str x) "#object[clojure.lang.Var$Unbound 0x"))
(prn (try (x) (catch IllegalStateException e (.getMessage e))))
(prn (try (x 1 2) (catch IllegalStateException e (.getMessage e))))
(prn (try (apply x [1]) (catch IllegalStateException e (.getMessage e))))
(prn (try (+ x 1) (catch ClassCastException e :cce)))
(defn f [] x)
(prn (str (f)))
(def x 2)
(prn x (f) (bound? #'x))
(declare ^:dynamic *d*)
(prn (str *d*) (binding [*d* 1] *d*))
;; a macro may look at a var defined in the same top-level form
(defmacro show-bound [v] `(str (deref (var ~v))))
(prn (do (declare later) (show-bound later)))
