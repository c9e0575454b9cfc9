;; The first resume passes its arguments to the fiber's function; a later resume
;; passes at most one value, which the pending fiber/yield returns (nil if none).
(def f (fiber/new (fn [a b & more]
                    (let [x (fiber/yield [:args a b more])
                          y (fiber/yield [:got x])
                          z (fiber/yield [:got y])]
                      [:done z]))))
(prn (fiber/resume f 1 2 3 4))
(prn (fiber/resume f :one))
(prn (fiber/resume f))
(prn (fiber/resume f nil))
(prn (fiber/status f))

;; No arguments for a zero-arity function; a fixed arity gets exactly its arguments.
(prn (fiber/resume (fiber/new (fn [] :no-args))))
(prn (fiber/resume (fiber/new (fn [x] (* x 10))) 5))
(prn (fiber/resume (fiber/new +) 1 2 3))
(prn (fiber/resume (fiber/new (fn [& xs] xs))))

;; Wrong argument count for the first call: an ArityException from the function,
;; which ends the fiber in :error.
(def w (fiber/new (fn [x] x)))
(println (try (fiber/resume w 1 2) (catch clojure.lang.ArityException e "ArityException")))
(prn (fiber/status w))

;; Keywords, maps, sets and vectors are functions too.
(prn (fiber/resume (fiber/new :a) {:a 7}))
(prn (fiber/resume (fiber/new {:k :v}) :k))
(prn (fiber/resume (fiber/new #{1 2}) 2))
(prn (fiber/resume (fiber/new [10 20 30]) 1))

;; An accumulator: each resume sends a number in, each yield sends the sum out.
(def acc (fiber/new (fn [start]
                      (loop [sum start]
                        (let [x (fiber/yield sum)]
                          (if (nil? x) [:total sum] (recur (+ sum x))))))))
(prn (fiber/resume acc 100))
(prn (mapv #(fiber/resume acc %) [1 2 3 4]))
(prn (fiber/resume acc))
(prn (fiber/status acc))
