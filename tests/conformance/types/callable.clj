;; Callable types: a reify of IFn with many arities and applyTo, a deftype and a record
;; implementing IFn, used as functions everywhere core takes one.
(def f
  (reify clojure.lang.IFn
    (invoke [_] :zero)
    (invoke [_ a] [:one a])
    (invoke [_ a b] [:two a b])
    (invoke [_ a b c] [:three a b c])
    (invoke [_ a b c d] [:four a b c d])
    (invoke [_ a b c d e] [:five a b c d e])
    (invoke [_ a b c d e f] [:six a b c d e f])
    (invoke [_ a b c d e f g h i j] [:ten a j])
    (applyTo [_ args] [:apply (count args) (first args)])))

(println "-- a reify of IFn")
(prn (f) (f 1) (f 1 2) (f 1 2 3) (f 1 2 3 4) (f 1 2 3 4 5) (f 1 2 3 4 5 6))
(prn (f 1 2 3 4 5 6 7 8 9 10))
(prn (apply f [1 2]) (apply f 0 [1 2 3]) (apply f (range 30)) (apply f []))
(prn (ifn? f) (fn? f) (instance? clojure.lang.IFn f))
(prn (map f [1 2 3]) (map f [1 2] [3 4]) (mapv f [:a]) (reduce f [1 2 3]))
(prn ((comp f inc) 1) ((partial f :p) :q) ((juxt f f) 5) (update {:k 1} :k f))

(deftype Adder [n]
  clojure.lang.IFn
  (invoke [_ x] (+ n x))
  (invoke [_ x y] (+ n x y))
  (applyTo [this args] (apply + n args)))

(def add5 (Adder. 5))
(println "-- a deftype implementing IFn")
(prn (add5 1) (add5 1 2) (apply add5 [1 2 3 4]) (map add5 (range 3)) (sort-by add5 > [3 1 2]))
(prn (ifn? add5) (fn? add5) (instance? clojure.lang.IFn add5) (instance? Adder add5))
(prn (-> 1 add5 add5) (some-> 1 add5) (filter (comp even? add5) (range 6)))

(defrecord Matcher [pattern]
  clojure.lang.IFn
  (invoke [_ s] (boolean (re-find pattern s))))

(def has-digit (->Matcher #"\d"))
(println "-- a record implementing IFn")
(prn (has-digit "abc1") (has-digit "abc") (filter has-digit ["a1" "b" "c3"]) (ifn? has-digit))
(prn (map? has-digit) (record? has-digit) (:pattern (assoc has-digit :x 1) "none") (count has-digit))
(prn (= (->Matcher "x") (->Matcher "x")) (keys (assoc (->Matcher "x") :extra 1)))

(deftype Point [x y]
  Object
  (equals [this o] (and (instance? Point o) (= x (.-x ^Point o)) (= y (.-y ^Point o))))
  (hashCode [_] (+ (* 31 x) y))
  (toString [_] (str "Point(" x ", " y ")")))

(println "-- Object methods")
(def p (Point. 1 2))
(prn (= p (Point. 1 2)) (= p (Point. 2 1)) (= p :other) (hash p) (str p) (str "at " p))
(prn (.-x p) (.-y p) (.toString p) (.hashCode p) (.equals p (Point. 1 2)))
(prn (count (set [p (Point. 1 2) (Point. 3 4)])) (get (hash-map p :found) (Point. 1 2)))
(prn (map str (distinct [p (Point. 1 2) (Point. 0 0)])) (map (comp str key) (frequencies [p (Point. 1 2)])))
(prn (vals (frequencies [p (Point. 1 2)])) (contains? #{(Point. 1 2)} p))

(deftype Tagger [tag]
  clojure.lang.IFn
  (invoke [_ x] [tag x])
  (invoke [_ x y] [tag x y])
  (applyTo [this args] (clojure.lang.AFn/applyToHelper this args)))
(prn (apply (Tagger. :t) [1]) (apply (Tagger. :t) 1 [2]) ((Tagger. :u) 3))
