;; Destructuring in every binding form: fn (single and multi arity, rest args),
;; defn with pre/post conditions and metadata, loop, letfn, doseq, for, if-let,
;; when-let, when-some, defmacro arglists.
(defn sum-pair [[a b]] (+ a b))
(prn (sum-pair [3 4]))
(defn area
  "Area of a shape."
  ([{:keys [w h]}] (* w h))
  ([w h] (* w h)))
(prn (area {:w 2 :h 3}) (area 4 5))
(prn (:doc (meta #'area)) (:arglists (meta #'area)))
(defn head-tail [[h & t]] {:h h :t t})
(prn (head-tail [1 2 3]) (head-tail []))
(prn ((fn [{:keys [a]} [b] & [c]] [a b c]) {:a 1} [2] 3))
(prn (map (fn [[k v]] (str (name k) "=" v)) {:x 1 :y 2}))
(prn (loop [[x & xs] [1 2 3 4] acc []]
       (if x (recur xs (conj acc (* x x))) acc)))
(prn (loop [{:keys [n acc]} {:n 5 :acc 1}]
       (if (zero? n) acc (recur {:n (dec n) :acc (* acc n)}))))
(prn (loop [i 0 [a b] [1 2]] (if (< i 3) (recur (inc i) [b a]) [i a b])))
(prn (letfn [(f [[a b]] (+ a b)) (g [m] (f (:pair m)))] (g {:pair [5 6]})))
(doseq [[k v] (sorted-map :a 1 :b 2)] (prn k v))
(doseq [{:keys [id]} [{:id 1} {:id 2}]] (prn id))
(prn (for [[a b] [[1 2] [3 4]] :let [{:keys [s]} {:s (+ a b)}]] s))
(prn (if-let [[a b] (seq [7 8])] (+ a b) :none))
(prn (if-let [[a b] nil] (+ a b) :none))
(prn (when-let [{:keys [x]} {:x 9}] x))
(prn (when-some [[a] [false]] a))
(defmacro swap-pair [[a b]] `[~b ~a])
(prn (swap-pair [1 2]))
(defn checked [x] {:pre [(pos? x)] :post [(< % 100)]} (* x 10))
(prn (checked 5))
(prn (try (checked -1) (catch AssertionError e (ex-message e))))
(prn (try (checked 50) (catch AssertionError e (ex-message e))))
(defn ^:private priv "doc" {:added "x"} [] 1)
(prn (:private (meta #'priv)) (:added (meta #'priv)) (:doc (meta #'priv)) (priv))
(defn- hidden [] 2)
(prn (:private (meta #'hidden)) (hidden))
(prn ((fn self [n] (if (pos? n) (self (dec n)) :done)) 3))
