;; sales_report.clj: a small data-processing script: parse CSV-like records, then
;; group, aggregate and join them with clojure.core's data functions, transducers
;; and clojure.set.
(require '[clojure.string :as str]
         '[clojure.set :as set])

(def raw
  "date,region,product,units,price
2024-01-03,north,widget,12,2.50
2024-01-03,south,gadget,3,10.00
2024-01-04,north,gadget,5,10.00
2024-01-05,east,widget,7,2.50
2024-01-05,south,widget,20,2.25
2024-01-06,north,gizmo,1,99.90
2024-01-07,east,gadget,4,9.50")

(defn parse-row [header line]
  (let [row (zipmap header (str/split line #","))]
    (-> row
        (update :units parse-long)
        (update :price parse-double))))

(def sales
  (let [lines (str/split-lines raw)
        header (mapv keyword (str/split (first lines) #","))]
    (into [] (map (partial parse-row header)) (rest lines))))

(defn revenue [sale] (* (:units sale) (:price sale)))

(println "rows:" (count sales))
(println "units by product:" (into (sorted-map) (update-vals (group-by :product sales) #(transduce (map :units) + %))))
(println "revenue by region:"
         (into (sorted-map)
               (map (juxt key (comp #(Math/round (* 100.0 %)) #(reduce + %) #(map revenue %) val)))
               (group-by :region sales)))
(println "orders per day:" (into (sorted-map) (frequencies (map :date sales))))
(println "best sale:" (select-keys (apply max-key revenue sales) [:date :product]))
(println "big orders:" (sequence (comp (filter #(>= (:units %) 5)) (map :units) (distinct)) sales))
(def managers #{{:region "north" :manager "Ada"} {:region "south" :manager "Lin"} {:region "east" :manager "Sam"}})
(def totals (set (map (fn [[r xs]] {:region r :units (reduce + (map :units xs))}) (group-by :region sales))))
(doseq [row (sort-by :region (set/join totals managers))]
  (println (format "%-6s %-4s %3d" (:region row) (:manager row) (:units row))))
(println "products:" (sort (set/union (set (map :product sales)) #{"doohickey"})))
(println "running total:" (reductions + (map :units sales)))
