;; flatten, tree-seq and clojure.walk (macroexpand-all included) over data nested
;; 1,000,000 levels deep, of every shape: each works or throws a catchable
;; StackOverflowError, never crashes; the program goes on afterwards. (Each check prints
;; the same either way: the JVM, with its large test stack, manages some of them.)
;; labels: slow
(require '[clojure.walk :as walk])

(defrecord R [a])
(def n 1000000)
(defn nest [f] (reduce (fn [acc _] (f acc)) nil (range n)))

(defmacro survives
  "expr's value, or `otherwise` when it overflows the stack."
  [expr otherwise]
  `(try ~expr (catch StackOverflowError _# ~otherwise)))

;; flatten and tree-seq are lazy: they walk any depth (in linear time).
(let [v (nest vector) l (nest list) z (nest #(lazy-seq [%]))]
  (println "flatten" (survives (= [nil] (flatten v)) true) (survives (= [nil] (flatten l)) true)
           (survives (= [nil] (flatten z)) true))
  (println "tree-seq" (survives (= (inc n) (count (tree-seq coll? seq v))) true)
           (survives (= (inc n) (count (tree-seq sequential? seq z))) true)))

(let [m (nest #(hash-map :a %)) s (nest hash-set) r (nest ->R)]
  (println "tree-seq" (survives (pos? (count (tree-seq coll? seq m))) true)
           (survives (pos? (count (tree-seq coll? seq s))) true)
           (survives (pos? (count (tree-seq coll? seq r))) true)))

;; clojure.walk over the shapes deep_walk.clj leaves out, and macroexpand-all.
(doseq [[label f] [["set" #(hash-set %)] ["lazy seq" #(lazy-seq [%])] ["sorted map" #(sorted-map 1 %)]
                   ["vector" #(vector %)] ["list" #(list %)]]]
  (let [v (nest f)]
    (println label
             (survives (some? (walk/postwalk identity v)) true)
             (survives (some? (walk/prewalk identity v)) true)
             (survives (some? (walk/macroexpand-all v)) true))))

;; Still usable afterwards.
(println (flatten [1 [2 [3 (list 4)]]]) (count (tree-seq coll? seq [1 [2 [3]]])))
(println "done")
