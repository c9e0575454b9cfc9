;; Shared structure stays shared, cycles through mutable values come back as cycles,
;; long seqs need no deep stack, and what cannot be written is a clear error.
(require '[clove.marshal :as m])
(defn rt [v] (m/unmarshal (m/marshal v)))
(let [v [1 2] r (rt [v v])] (println :shared (identical? (first r) (second r))))
(let [a (atom nil)] (reset! a a) (let [r (rt a)] (println :atom-holds-itself (identical? r @r))))
(let [a (atom nil) v [a]] (reset! a v) (let [r (rt a)] (println :cycle-through-vector (identical? r (first @r)))))
(let [a (atom 1) r (rt {:x a :y a})] (println :shared-atom (identical? (:x r) (:y r)) @(:x r)))
(let [t '(2 3) r (rt [(cons 1 t) t])] (println :shared-tail (identical? (rest (first r)) (second r))))
(println :long-list (count (rt (apply list (range 200000)))))
(println :long-lazy-seq (count (rt (doall (map inc (range 100000))))))
(println :var (identical? (rt #'clojure.core/map) #'clojure.core/map))
(println :namespace (= (rt (the-ns 'clojure.core)) (the-ns 'clojure.core)))
(defn err [v]
  (try (m/marshal v) :no-error
       (catch IllegalArgumentException e (clojure.string/replace (ex-message e) #"(0x|@)[0-9a-f]+" "$1..."))))
(println (err (transient [])))
(println (err (fiber/current)))
(let [v [1 2] a (atom v)] (reset! a [v]) (println :ok (count (m/marshal a))))
(let [a (atom nil) v [a]] (reset! a v) (println (err v)))
(defn bad [bytes] (try (m/unmarshal (byte-array bytes)) :no-error (catch IllegalArgumentException e (ex-message e))))
(println (bad []))
(println (bad [67 76 86 77]))
(println (bad [67 76 86 77 9 8 4 0 1 0 0]))
(let [good (vec (m/marshal [1 "two" :three]))]
  (println (bad (conj good 0)))
  (println (bad (pop good)))
  (println (bad (assoc good 10 99))))
(println (try (m/unmarshal "not bytes") (catch ClassCastException e (ex-message e))))
