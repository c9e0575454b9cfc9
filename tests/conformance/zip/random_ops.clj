;; clojure.zip: 200 random sequences of 12 moves and edits (a fixed pseudo-random
;; sequence; a move that gives nil or throws leaves the location as it was).
(require '[clojure.zip :as z])
(def ops [z/down z/up z/left z/right z/next z/prev z/leftmost z/rightmost z/remove #(z/insert-left % :il) #(z/insert-right % :ir) #(z/replace % [:r]) #(z/insert-child % :ic) #(z/append-child % :ac) #(z/edit % (fn [n] (if (vector? n) (conj n :e) :e)))])
(def seed (atom 42))
(defn rand-n [n] (swap! seed (fn [x] (mod (+ (* x 1103515245) 12345) 2147483648))) (mod (quot @seed 65536) n))
(defn step [loc i] (try (let [r ((nth ops i) loc)] (if r r loc)) (catch Exception e loc)))
(dotimes [t 200]
  (let [idxs (vec (repeatedly 12 #(rand-n (count ops))))
        loc (reduce step (z/vector-zip [1 [2 [3 4] 5] [6] [] 7]) idxs)]
    (prn idxs (z/node loc) (if (z/end? loc) :end (z/path loc)) (z/root loc))))
