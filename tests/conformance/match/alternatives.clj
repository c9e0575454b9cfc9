;; match (SPEC L15): (a | b) alternatives, the older core.match spelling of
;; (:or a b) (recorded with alternatives.jvm.clj, which spells them with :or), and
;; names bound inside alternatives.
(require '[clojure.core.match :refer [match]])

(prn (match 2 (1 | 2 | 3) :small :else :big))
(prn (match 7 (1 | 2 | 3) :small :else :big))
(prn (match [2 :x] [(1 | 2) (:x | :y)] :yes :else :no))
(prn (map #(match % ([:a x] | [:b x]) x :else :none) [[:a 1] [:b 2] [:c 3]]))
(prn (match 1 ((x :guard odd?) | 2) [:matched x] :else :n))
(prn (match 2 ((x :guard odd?) | 2) [:matched x] :else :n))
