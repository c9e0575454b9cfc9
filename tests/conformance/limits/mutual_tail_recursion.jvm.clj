;; JVM Clojure variant of mutual_tail_recursion.clj, used only to record the expected
;; output: the JVM has no proper tail calls, so each tail call returns a thunk here.
(declare my-odd? pong)
(defn my-even? [n] (if (= n 0) true #(my-odd? (- n 1))))
(defn my-odd? [n] (if (= n 0) false #(my-even? (- n 1))))
(println (trampoline my-even? 10000000) (trampoline my-odd? 10000000) (trampoline my-odd? 9999999))
(defn ping [n acc] (if (= n 0) acc #(pong (- n 1) (+ acc 1))))
(defn pong [n acc] (if (= n 0) acc #(ping (- n 1) (+ acc 2))))
(println (trampoline ping 10000000 0))
(defn countdown [n]
  (cond (= n 0) :done
        :else (let [m (- n 1)] (do #((fn [k] (countdown k)) m)))))
(println (trampoline countdown 1000000))
