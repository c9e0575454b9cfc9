;; Classes are values of their own (java.lang.Class), not the symbols naming them.

;; str is Class.toString; pr and print give the name
(println (str (class 1)) (str String) (str clojure.lang.IFn) (str java.util.Map))
(println (str (class "a")) "|" (format "%s" String) "|" (format "%s" clojure.lang.ISeq))
(println (.toString Long) (.toString clojure.lang.Counted))
(println (pr-str (class 1)) (pr-str [Long String]) (pr-str {:c Long}))
(prn (class 1) [(class :k)] (list Object))
(print String Long) (newline)
(println [String] (list Number))
(println (str [Long]) (str {:k clojure.lang.Keyword}))
(println (str (class (long-array 0))) (pr-str (class (long-array 0))) (pr-str (class (object-array 0))))

;; the class of a class
(println (class (class 1)) (class String) (= (class String) java.lang.Class))
(println (class? String) (class? (class 1)) (class? 'String) (class? 'java.lang.String) (class? "java.lang.String"))
(println (instance? Class String) (instance? java.lang.Class (class [])))

;; a class is not a symbol, and has no name for `name`
(println (symbol? String) (symbol? (class 1)) (keyword? String))
(println (try (name String) (catch ClassCastException _ :class-cast)))
(println (try (namespace Long) (catch ClassCastException _ :class-cast)))
(println (try (instance? 'String "a") (catch ClassCastException _ :class-cast)))
(println (= String 'java.lang.String) (= (class 1) 'java.lang.Long) (= 'String String))

;; the name methods
(println (.getName String) (.getSimpleName String) (.getName (class [])) (.getSimpleName (class {})))
(println (.getName (class (long-array 0))) (.getSimpleName (class (long-array 0))) (.isArray (class (long-array 0))) (.isArray String))
(println (.isInterface clojure.lang.IFn) (.isInterface String) (.isInstance Number 1) (.isInstance Number "1"))
(println (.isAssignableFrom Number Long) (.isAssignableFrom Long Number) (.isAssignableFrom Object String))
(println (symbol (.getName Long)) (keyword (.getSimpleName String)))

;; equality, identity, hash, map and set keys
(println (= (class 1) Long) (= (class 1) java.lang.Long) (identical? (class 1) (class 2)) (identical? String java.lang.String))
(println (= String Long) (not= (class 1.0) (class 1)) (= (class "a") String))
(println (= (hash (class "a")) (hash String)) (= (hash Long) (hash (class 3))))
(def by-class {String :string Long :long clojure.lang.Keyword :keyword})
(println (by-class (class "x")) (by-class (class 42)) (by-class (class :k)) (by-class (class 1.5)))
(println (get by-class 'java.lang.String) (get by-class "java.lang.String"))
(println (contains? #{String Long} (class "s")) (contains? #{String Long} 'java.lang.String) (count (hash-set String java.lang.String (class "a"))))
(println (sort (map #(.getName %) (keys (group-by class [1 "a" :b 2 "c" 'd])))))
(println (frequencies (map (comp #(.getSimpleName %) class) [1 2 "a" :k])))

;; case constants are symbols, never classes
(println (case (class 1) java.lang.Long :symbol-matched :no-match))
(println (case (.getName (class 1)) "java.lang.Long" :name-matched :no-match))
(println (condp = (class 1) String :string Long :long :other))

;; instance?, isa?, supers, bases, ancestors, parents
(println (instance? Number 1) (instance? String 1) (instance? clojure.lang.IPersistentMap {}) (instance? Comparable "a"))
(println (isa? String Object) (isa? Long Number) (isa? Number Long) (isa? (class []) clojure.lang.IPersistentVector))
(println (contains? (supers Long) Number) (contains? (supers Long) Object) (contains? (supers Long) 'java.lang.Number))
(println (every? class? (supers (class []))) (every? class? (bases Long)))
(println (first (bases Long)) (.getName (first (bases Long))) (contains? (set (bases clojure.lang.IPersistentVector)) clojure.lang.Associative))
(println (contains? (ancestors (class {})) clojure.lang.IPersistentMap) (contains? (ancestors String) CharSequence))
(println (contains? (parents Long) Number) (bases Object) (supers Object))
(println (isa? 'String 'Object) (parents 'String) (ancestors 'String) (bases nil) (supers nil))
(println (try (supers 'String) (catch ClassCastException _ :class-cast)) (try (bases :k) (catch ClassCastException _ :class-cast)))
(println (every? (set (map #(.getName %) (supers Long))) ["java.lang.Number" "java.lang.Object" "java.lang.Comparable" "java.io.Serializable"]))

;; derive a class under a keyword
(derive java.util.Map ::mapping)
(println (isa? (class {}) ::mapping) (isa? (class {:a 1}) ::mapping) (isa? (class []) ::mapping))
(println (contains? (ancestors (class {})) ::mapping) (contains? (parents java.util.Map) ::mapping))

;; multimethods on class
(defmulti describe class)
(defmethod describe String [s] (str "string " s))
(defmethod describe Number [n] (str "number " n))
(defmethod describe clojure.lang.IPersistentVector [v] (str "vector of " (count v)))
(defmethod describe java.lang.Class [c] (str "the class " (.getName c)))
(defmethod describe :default [x] (str "something " (pr-str x)))
(println (describe "a") (describe 3) (describe 2.5) (describe [1 2]))
(println (describe String) (describe :k) (describe 'String))
(println (contains? (methods describe) String) (contains? (methods describe) 'java.lang.String))

(defmulti kind-of (fn [x] (class x)))
(defmethod kind-of ::mapping [_] :a-map)
(defmethod kind-of Object [_] :an-object)
(prefer-method kind-of ::mapping Object)
(println (kind-of {}) (kind-of 1))

;; protocols on classes and a record
(defprotocol Describe (label [x]))
(defrecord Point [x y])
(extend-protocol Describe
  String (label [s] (str "S:" s))
  Number (label [n] (str "N:" n))
  Point (label [p] (str "P:" (:x p) "," (:y p)))
  nil (label [_] "nil"))
(println (label "a") (label 1) (label 2.5) (label (->Point 1 2)) (label nil))
(println (extends? Describe String) (extends? Describe Long) (extends? Describe Point) (extends? Describe clojure.lang.Keyword))
(println (satisfies? Describe "x") (satisfies? Describe :x))
(println (sort (map str (remove nil? (extenders Describe)))))
(extend-type java.util.Map Describe (label [m] (str "M:" (count m))))
(println (label {:a 1}) (label (->Point 0 0)))
(extend clojure.lang.Keyword Describe {:label (fn [k] (str "K:" (name k)))})
(println (label :z) (try (label 'z) (catch IllegalArgumentException _ :no-impl)))

;; a record's class beside the built-in classes
(println (class? Point) (= (class (->Point 1 2)) Point) (.getSimpleName Point) (instance? Point (->Point 1 2)))
(println (pr-str Point) (class Point) (instance? clojure.lang.IRecord (->Point 1 2)))
(println (class nil) (map class [nil 1]))

;; catch with class names and class values from vars
(println (try (throw (IllegalStateException. "boom")) (catch IllegalStateException e (.getName (class e)))))
(println (try (throw (ex-info "x" {})) (catch Exception e (= (class e) clojure.lang.ExceptionInfo))))

;; print-method dispatches on class values
(deftype Box [v])
(defmethod print-method Box [b ^java.io.Writer w] (.write w (str "#box " (.-v b))))
(println (pr-str (Box. 7)) (str [(Box. 8)]))
