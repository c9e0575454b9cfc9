;; pprint with *print-right-margin* and *print-miser-width* bound, *print-length* and
;; *print-level*, and write's keyword arguments.
(require '[clojure.pprint :as pp :refer [pprint]])

(def data {:name "Alice" :roles [:admin :editor :viewer]
           :address {:street "123 Long Street Name" :city "Springfield"}
           :scores (range 12) :flags #{:x} :nested [[1 2 [3 4 [5 6 [7 8]]]]]})
(def code '(defn process [items]
             (let [total (reduce + items) avg (/ total (count items))]
               (when (pos? total) (map (fn [x] (- x avg)) items)))))

(doseq [w [10 20 30 40 50 60 80 100]]
  (println "---- right margin" w)
  (binding [pp/*print-right-margin* w]
    (pprint data)
    (pprint (vec (range 25)))
    (pprint code)
    (pprint [{:a 1 :b 2} {:c 3 :d 4} {:e 5 :f 6}])))

(println "---- no margin")
(binding [pp/*print-right-margin* nil]
  (pprint data))

(println "---- miser widths")
(doseq [m [nil 0 20 60]]
  (binding [pp/*print-right-margin* 40 pp/*print-miser-width* m]
    (pprint data)
    (pp/with-pprint-dispatch pp/code-dispatch (pprint code))))

(println "---- print-length")
(doseq [n [0 1 2 3 5]]
  (binding [*print-length* n]
    (pprint (range 10))
    (pprint (vec (range 10)))
    (pprint (set (range 10)))
    (pprint (zipmap (range 10) (range 10)))
    (pprint [[1 2 3 4] '(5 6 7 8) {:a [1 2 3 4]}])))

(println "---- print-level")
(doseq [n [0 1 2 3]]
  (binding [*print-level* n]
    (pprint [1 [2 [3 [4 [5]]]]])
    (pprint {:a {:b {:c {:d 1}}}})
    (pprint '(1 (2 (3 (4)))))
    (pprint #{#{#{1}}})
    (pprint 42)))

(println "---- both")
(binding [*print-length* 3 *print-level* 2]
  (pprint data)
  (pprint (range 100)))

(println "---- write")
(pp/write data)
(println)
(pp/write data :right-margin 30)
(println)
(pp/write (range 20) :length 5)
(println)
(pp/write [1 [2 [3 [4]]]] :level 2)
(println)
(pp/write data :pretty false)
(println)
(prn (pp/write [1 2 3] :stream nil))
(prn (pp/write (range 30) :stream nil :right-margin 20))
(pp/write [255 16 8 -5 1/3] :base 16)
(println)
(pp/write [255 16 8 -5 1/3] :base 2 :radix true)
(println)
(pp/write [255 10 1/3] :radix true)
(println)
(pp/write [255 10] :base 36 :radix true :pretty false)
(println)
(pp/write '(clojure.core/let [a 1] a) :suppress-namespaces true)
(println)
(pp/write code :dispatch pp/code-dispatch :right-margin 40)
(println)
(let [sw (java.io.StringWriter.)]
  (pp/write {:to "writer"} :stream sw)
  (prn (str sw)))
(binding [pp/*print-base* 8] (pprint [8 64 -9 3/8]))
(binding [pp/*print-radix* true] (pprint [1 2 3]))
(binding [pp/*print-suppress-namespaces* true] (pprint '[a/b c clojure.core/map]))
