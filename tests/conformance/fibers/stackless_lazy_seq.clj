;; A yield while a lazy-seq body is being realized suspends the fiber mid-realization.
;; Each check prints its values, or the message of what it threw, so one failing
;; construct does not hide the others.
(defmacro check [& forms]
  `(try (prn ~@forms) (catch Exception e# (println "FAILED:" (ex-message e#)))))
(check (vec (fiber-seq (fn [] (fiber/yield (first (lazy-seq (fiber/yield 1) (list 2))))))))
;; realized once: a second walk does not run the body again
(def runs (atom 0))
(check (vec (fiber-seq (fn []
                       (let [s (lazy-seq (swap! runs inc) (fiber/yield :realizing) [:x :y])]
                         (fiber/yield (vec s))
                         (fiber/yield (count s)))))) @runs)
;; a lazy seq whose every step yields, realized by seq/next in a loop
(defn yielding-range [i n] (lazy-seq (when (< i n) (fiber/yield [:step i]) (cons i (yielding-range (inc i) n)))))
(check (vec (fiber-seq (fn [] (loop [s (seq (yielding-range 0 3))] (when s (recur (next s))))))))
;; and by a native that walks it (count, vec, into)
(check (vec (fiber-seq (fn [] (fiber/yield (count (yielding-range 0 2)))))))
(check (vec (fiber-seq (fn [] (fiber/yield (vec (yielding-range 0 2)))))))
