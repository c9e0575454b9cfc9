;; Fibers print as #object[clove.lang.Fiber 0x<hash> :<status>], the status current at
;; print time. The hash differs between runs, so it is checked against (hash f) (as 32
;; unsigned bits, like Java's identity hash) and then replaced by 0xH.
(require '[clojure.string :as str])
(defn shown [s] (str/replace s #"0x[0-9a-f]+" "0xH"))
(defn check [f]
  (let [s (pr-str f)]
    (println (= s (format "#object[clove.lang.Fiber 0x%x :%s]" (bit-and (hash f) 0xffffffff) (name (fiber/status f))))
             (shown s))))

(def f (fiber/new (fn [] (fiber/yield 1) 2)))
(check f)
(fiber/resume f)
(check f)
(fiber/resume f)
(check f)
(def e (fiber/new (fn [] (throw (ex-info "x" {}))) #{:error}))
(fiber/resume e)
(check e)
(check (fiber/current))
;; from inside: :alive
(println (fiber/resume (fiber/new (fn [] (shown (pr-str (fiber/current)))))))

;; print, println, str, inside collections
(def g (fiber/new inc))
(println (shown (with-out-str (print g))))
(println (shown (with-out-str (println g))))
(println (shown (str g)))
(println (shown (pr-str [g {:k g}])))
(println (shown (with-out-str (prn (list g)))))
;; the same fiber prints with the same hash each time; two fibers differ
(println (= (pr-str g) (pr-str g)) (= (hash g) (hash g)) (= g g) (= g (fiber/new inc)))
