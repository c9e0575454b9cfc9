;; clojure.datafy and clojure.core.protocols: datafy and nav (by protocol or by
;; metadata), and the reduction protocols called directly.
(require '[clojure.datafy :as d] '[clojure.core.protocols :as p])
(prn (d/datafy 1) (d/datafy nil) (d/datafy [1 2]) (d/nav {:a 1} :a 1))
(def x (with-meta {:a 1} {`p/datafy (fn [m] (assoc m :datafied true))
                          `p/nav (fn [coll k v] [k v])}))
(prn (d/datafy x) (d/nav x :a 1))
(prn (::d/obj (meta (d/datafy x))))
(let [m (d/datafy (ex-info "boom" {:k 1}))]
  (prn (:cause m) (:data m) (map? m)))
(defrecord R [a])
(extend-protocol p/Datafiable R (datafy [r] {:r (:a r)}))
(prn (d/datafy (->R 5)) (::d/class (meta (d/datafy (->R 5)))))
(prn (p/coll-reduce [1 2 3] +) (p/coll-reduce [1 2 3] + 10) (p/coll-reduce nil +) (p/kv-reduce {:a 1 :b 2} (fn [acc k v] (+ acc v)) 0))
(prn (p/internal-reduce (seq [1 2 3]) + 0))
