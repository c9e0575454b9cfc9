;; The JVM variant of let_shadow.clove: let-shadow is plain let, and match needs a require.
(require (quote [clojure.core.match :refer [match]]))
(defn summary [xs]
  (let [count (count xs)
               [first & rest] xs
               {:keys [max]} {:max (apply max xs)}]
    [count first rest max]))
(prn (summary [3 1 4 1 5]))

(def limit 10)
(prn (let [limit 20] limit) limit)

;; Core macros expand to generated locals, which are exempt.
(prn (for [x [1 2 3] :when (odd? x)] (* x x)))
(doseq [[k v] {:a 1}] (prn k v))
(prn (-> 1 inc (* 2)) (->> [1 2] (map inc)))
(prn (#(+ %1 %2) 1 2) ((fn [& xs] (vec xs)) 1 2))
(prn (if-let [x (seq [1])] x :none) (when-let [y 2] y))
(dotimes [i 2] (prn i))
(prn (loop [i 0 acc []] (if (< i 3) (recur (inc i) (conj acc i)) acc)))
(prn (with-out-str (print "captured")))
(prn (match [1 [2 3]] [a [b & cs]] [a b cs]))
