;; The JVM variant of alternatives.clj: core.match 1.0 spells alternatives (:or a b),
;; and does not bind names inside them, so those clauses are written out.
(require '[clojure.core.match :refer [match]])

(prn (match 2 (:or 1 2 3) :small :else :big))
(prn (match 7 (:or 1 2 3) :small :else :big))
(prn (match [2 :x] [(:or 1 2) (:or :x :y)] :yes :else :no))
(prn (map #(match % [:a x] x [:b x] x :else :none) [[:a 1] [:b 2] [:c 3]]))
(prn (match 1 (x :guard odd?) [:matched x] 2 [:matched nil] :else :n))
(prn (match 2 (x :guard odd?) [:matched x] 2 [:matched nil] :else :n))
