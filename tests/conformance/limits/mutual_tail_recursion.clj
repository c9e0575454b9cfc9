;; Calls in tail position do not grow the stack: mutual recursion 10,000,000 deep.
;; (Clojure on the JVM needs trampoline for this; see mutual_tail_recursion.jvm.clj.)
;; labels: slow
;; (slow under CLOVE_GC_STRESS=1: a million allocating safepoints, each a full collection.)
(def my-odd?)
(def pong)
(defn my-even? [n] (if (= n 0) true (my-odd? (- n 1))))
(defn my-odd? [n] (if (= n 0) false (my-even? (- n 1))))
(println (my-even? 10000000) (my-odd? 10000000) (my-odd? 9999999))
(defn ping [n acc] (if (= n 0) acc (pong (- n 1) (+ acc 1))))
(defn pong [n acc] (if (= n 0) acc (ping (- n 1) (+ acc 2))))
(println (ping 10000000 0))
;; a tail call through an anonymous fn and through if/cond/let/do branches
(defn countdown [n]
  (cond (= n 0) :done
        :else (let [m (- n 1)] (do ((fn [k] (countdown k)) m)))))
(println (countdown 1000000))
