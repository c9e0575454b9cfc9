;; Printing data nested 1,000,000 levels deep (pr-str, str, print, prn, format) either
;; works or throws a catchable StackOverflowError, never crashes; the program goes on
;; afterwards. (Each check prints the same either way: the JVM, with its large test
;; stack, manages some of them.)
;; labels: slow

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
   ["big map" #(hash-map :a % :b 1 :c 2 :d 3 :e 4 :f 5 :g 6 :h 7 :i 8 :j 9)]
   ["sorted map" #(sorted-map 1 %)]
   ["set" #(hash-set %)]
   ["list" #(list %)]
   ["lazy seq" #(lazy-seq [%])]
   ["record" #(->R %)]
   ["map entry" #(first {% 1})]
   ["queue" #(conj clojure.lang.PersistentQueue/EMPTY %)]
   ["tagged literal" #(tagged-literal 'x %)]])
;; (Not exceptions nested in ex-data: the JVM runs out of memory printing a #error
;; inside a #error a million times. The error reports' tests cover deep ex-data.)

(doseq [[label f] shapes]
  (let [v (nest f)]
    (println label
             (survives (string? (pr-str v)) true)
             (survives (string? (str v)) true)
             (survives (string? (with-out-str (print v))) true)
             (survives (string? (with-out-str (prn v))) true)
             (survives (string? (format "%s" v)) true)
             (survives (string? (binding [*print-meta* true] (pr-str (with-meta [] {:m v})))) true))))

;; Still usable afterwards.
(println (pr-str {:a [1 (list 2) #{3}]}) (str [1 2]))
(println "done")
