;; A yield inside reduce's function suspends the fiber; the resumer's values flow in.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(def f (fiber/new (fn [] (reduce (fn [acc x] (+ acc (fiber/yield x))) 0 [1 2 3]))))
(check [(fiber/resume f) (fiber/resume f 10) (fiber/resume f 20) (fiber/resume f 30) (fiber/status f)])
(check (vec (fiber-seq (fn [] (reduce (fn [_ x] (fiber/yield x)) nil [:a :b :c])))))
;; over a range, a lazy seq, a map, with an init and without, and reduce-kv
(check (vec (fiber-seq (fn [] (reduce (fn [a x] (fiber/yield x) (+ a x)) (range 4))))))
(check (vec (fiber-seq (fn [] (reduce (fn [a x] (fiber/yield x) a) 0 (map inc [1 2 3]))))))
(check (vec (fiber-seq (fn [] (reduce (fn [a [k v]] (fiber/yield [k v]) a) 0 (sorted-map :a 1 :b 2))))))
(check (vec (fiber-seq (fn [] (reduce-kv (fn [a k v] (fiber/yield k) a) 0 [:x :y])))))
;; reduced stops it
(check (vec (fiber-seq (fn [] (reduce (fn [a x] (fiber/yield x) (if (= x 2) (reduced a) a)) 0 [1 2 3])))))
