;; code-dispatch over pseudo-random forms headed by the symbols of its table (defn, let,
;; cond, ns, fn*, ...), well-formed or not, at two right margins. An error prints ERR.
(require '[clojure.pprint :as pp])
(def state (atom 4242))
(defn rnd [n] (swap! state #(mod (+ (* % 1103515245) 12345) 2147483648)) (mod (quot @state 65536) n))
(def heads '[defn let if when cond condp fn fn* def ns -> loop doseq binding when-let if-let dotimes . .. locking foo bar/baz defmacro defn- when-not if-not when-first with-open struct])
(declare gen)
(defn gen-atom [] (case (int (rnd 6)) 0 (rnd 100) 1 (symbol (str "x" (rnd 20))) 2 (keyword (str "k" (rnd 5))) 3 (str "s" (rnd 9)) 4 (symbol "p1__1#") 5 "a docstring"))
(defn gen [d]
  (if (or (> d 4) (< (rnd 10) 3))
    (gen-atom)
    (case (int (rnd 4))
      0 (vec (repeatedly (rnd 6) #(gen (inc d))))
      1 (apply list (nth heads (rnd (count heads))) (repeatedly (rnd 7) #(gen (inc d))))
      2 (apply list (nth heads (rnd (count heads))) (vec (repeatedly (* 2 (rnd 3)) #(gen (inc d)))) (repeatedly (rnd 4) #(gen (inc d))))
      3 {(gen-atom) (gen (inc d))})))
(dotimes [i 60]
  (let [f (gen 0)]
    (doseq [w [30 72]]
      (binding [pp/*print-right-margin* w]
        (println "--" i w)
        (try (pp/with-pprint-dispatch pp/code-dispatch (pp/pprint f))
             (catch Throwable e (println "ERR")))))))
