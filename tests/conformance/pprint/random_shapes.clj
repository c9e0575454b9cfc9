;; pprint of pseudo-random nested data (a linear congruential generator, the same on the
;; JVM) at several right margins, miser widths, *print-length* and *print-level*.
;; labels: slow
(require '[clojure.pprint :as pp])
(def state (atom 12345))
(defn rnd [n] (swap! state #(mod (+ (* % 1103515245) 12345) 2147483648)) (mod (quot @state 65536) n))
(declare gen)
(defn gen-atom []
  (case (int (rnd 9))
    0 (rnd 1000)
    1 (keyword (str "k" (rnd 50)))
    2 (apply str (repeat (rnd 25) (char (+ 97 (rnd 26)))))
    3 (symbol (str "s" (rnd 100)))
    4 nil
    5 (if (zero? (rnd 2)) (keyword "ns" (str "q" (rnd 10))) (symbol "sy" (str "m" (rnd 3))))
    6 (* 1.5 (rnd 100))
    7 (str "with \"q\" " (rnd 9))
    8 (rnd 2)))
(defn gen [depth]
  (if (or (> depth 5) (< (rnd 10) 4))
    (gen-atom)
    (let [n (rnd 12)]
      (case (int (rnd 5))
        0 (vec (repeatedly n #(gen (inc depth))))
        1 (apply list (repeatedly n #(gen (inc depth))))
        2 (into {} (repeatedly n #(vector (gen-atom) (gen (inc depth)))))
        3 (set (repeatedly n gen-atom))
        4 (vec (repeatedly n gen-atom))))))
(dotimes [i 40]
  (let [d (gen 0)]
    (doseq [w [18 35 72]]
      (binding [pp/*print-right-margin* w
                pp/*print-miser-width* (if (even? i) 40 10)
                *print-length* (when (zero? (mod i 7)) 4)
                *print-level* (when (zero? (mod i 5)) 3)]
        (println "--" i w)
        (pp/pprint d)))))
