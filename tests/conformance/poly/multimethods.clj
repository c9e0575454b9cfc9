;; defmulti / defmethod: dispatch fns, :default, hierarchies, prefer-method, errors.
(defmulti area :shape)
(defmethod area :rect [{:keys [w h]}] (* w h))
(defmethod area :circle [s] (* 3 (:r s) (:r s)))
(println (area {:shape :rect :w 2 :h 5}) (area {:shape :circle :r 2}))

(println (try (area {:shape :hex})
              (catch IllegalArgumentException e (ex-message e))))

(defmethod area :default [s] :unknown)
(println (area {:shape :hex}))

;; dispatch on class, with the class hierarchy
(defmulti describe class)
(defmethod describe Number [x] (str "number " x))
(defmethod describe String [x] (str "string " x))
(defmethod describe clojure.lang.IPersistentVector [x] (str "vector of " (count x)))
(defmethod describe :default [x] (str "other " (pr-str x)))
(println (describe 1) (describe 2.5) (describe "s") (describe [1 2]) (describe :k))

;; global hierarchy with namespaced keywords
(derive ::square ::rect)
(derive ::rect ::shape)
(defmulti kind identity)
(defmethod kind ::shape [_] :a-shape)
(defmethod kind ::rect [_] :a-rect)
(println (kind ::square) (kind ::rect) (kind ::shape))

;; ambiguity and prefer-method
(derive ::sq ::p1)
(derive ::sq ::p2)
(defmulti amb identity)
(defmethod amb ::p1 [_] :p1)
(defmethod amb ::p2 [_] :p2)
(println (try (amb ::sq) (catch IllegalArgumentException e (ex-message e))))
(prefer-method amb ::p2 ::p1)
(println (amb ::sq))
(println (try (prefer-method amb ::p1 ::p2) (catch IllegalStateException e (ex-message e))))
(println (prefers amb))

;; vector dispatch values are compared element-wise with isa?
(defmulti combine (fn [a b] [(:t a) (:t b)]))
(defmethod combine [::shape ::shape] [_ _] :shapes)
(defmethod combine [::square ::rect] [_ _] :square-rect)
(println (combine {:t ::square} {:t ::rect}) (combine {:t ::rect} {:t ::square}))

;; methods, get-method, remove-method, remove-all-methods
(println (sort (map str (keys (methods area)))))
(println ((get-method area :rect) {:w 3 :h 3}) (nil? (get-method kind ::other)))
(println (= (get-method area :hex) (get-method area :default)))
(remove-method area :circle)
(println (area {:shape :circle :r 1}))

;; redefining defmulti keeps the methods (defonce semantics)
(defmulti area :shape)
(println (area {:shape :rect :w 1 :h 7}))

;; :default option and explicit :hierarchy
(def h (-> (make-hierarchy) (derive :dog :animal) (derive :cat :animal)))
(defmulti speak :kind :hierarchy #'h :default ::none)
(defmethod speak :animal [_] "generic animal noise")
(defmethod speak :dog [_] "woof")
(defmethod speak ::none [_] "silence")
(println (speak {:kind :dog}) (speak {:kind :cat}) (speak {:kind :rock}))
(alter-var-root #'h derive :fox :animal)
(println (speak {:kind :fox}))

;; multiple arities and variadic dispatch
(defmulti arity (fn [& args] (count args)))
(defmethod arity 0 [] :zero)
(defmethod arity 2 [a b] [:two a b])
(defmethod arity :default [& xs] [:many (count xs)])
(println (arity) (arity 1 2) (arity 1 2 3 4 5 6 7 8 9 10))

;; a multimethod is a fn
(println (ifn? area) (map kind [::square ::rect]))
(remove-all-methods arity)
(println (try (arity) (catch IllegalArgumentException e (ex-message e))))
