;; clojure.walk over data nested 1,000,000 levels deep either works or throws a
;; catchable StackOverflowError, never crashes; the program goes on afterwards.
;; labels: slow
(require '[clojure.walk :as walk])

(defrecord R [a])
(def n 1000000)
(defn nest [f] (reduce (fn [acc _] (f acc)) nil (range n)))

(defmacro survives
  "expr's value, or `otherwise` when it overflows the stack."
  [expr otherwise]
  `(try ~expr (catch StackOverflowError _# ~otherwise)))

(def shapes
  [["vector" #(vector %)]
   ["map" #(hash-map :a %)]
   ["list" #(list %)]
   ["seq" #(seq [%])]
   ["record" #(->R %)]])

(doseq [[label f] shapes]
  (let [v (nest f)]
    (println label
             (survives (some? (walk/postwalk identity v)) true)
             (survives (some? (walk/prewalk identity v)) true)
             (survives (some? (walk/keywordize-keys v)) true))))

;; Still usable afterwards.
(println (walk/postwalk #(if (number? %) (inc %) %) {:a [1 (list 2)]}))
(println "done")
