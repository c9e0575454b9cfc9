;; match (SPEC L15): map patterns, :only, nesting and :as.
(require '[clojure.core.match :refer [match]])

(defn event [e]
  (match e
    {:type :click :x x :y y} [:click-at x y]
    {:type :key :key k} [:key k]
    {:type t} [:unknown-type t]
    :else :not-an-event))
(prn (map event [{:type :click :x 1 :y 2} {:type :key :key "a" :extra 1} {:type :scroll}
                 {:x 1} nil 42]))

;; A key must be present, even with a wildcard or nil pattern.
(prn (match {} {:a _} :yes :else :no))
(prn (match {:a nil} {:a _} :yes :else :no))
(prn (match {:a nil} {:a nil} :yes :else :no))
(prn (match {} {:a nil} :yes :else :no))
(prn (match {:b 1} {:a x} [:yes x] :else :no))
(prn (match {:a 1} {:a 1 :b nil} :y :else :n))
(prn (match {:a 1 :b 2} {:a 1} :extra-keys-are-fine :else :n))
(prn (match {:a 1} {:a _ :b _} :y :else :n))

;; Other key types.
(prn (match {"a" 1} {"a" x} x :else :n))
(prn (match (sorted-map :a 1) {:a x} x :else :no))
(prn (match nil {:a x} x :else :nil-is-not-a-map))
(prn (match nil {} :m :else :nil-is-not-a-map))

;; :only: exactly these keys.
(prn (match {:a 1 :b 2} ({:a _} :only [:a]) :only :else :no))
(prn (match {:a 1} ({:a _} :only [:a]) :only :else :no))
(prn (match {:a 1} ({:a _ :b _} :only [:a :b]) :only :else :no))
(prn (match {:a 1 :b 2} ({:a x :b y} :only [:a :b]) [x y] :else :no))

;; Nesting and :as.
(prn (match {:a {:b 5}} {:a {:b x}} x))
(prn (match {:a 1} ({:a x} :as m) [x m]))
(prn (match {:user {:name "ann" :roles [:admin :dev]}}
       {:user {:name n :roles [:admin & _]}} [:admin n]
       {:user {:name n}} [:user n]))
(prn (match [{:a 1} {:b 2}] [{:a x} {:b y}] (+ x y)))
