;; A listing assembled back lists the same and behaves the same (docs/design/bytecode.md).
(require '[clove.asm :as a])

(defn round-trip [f]
  (let [s (a/disasm f)
        g (a/asm s)]
    [(= s (a/disasm g)) g]))

(defn check [label f & arg-lists]
  (let [[same g] (round-trip f)]
    (println label same (every? #(= (apply f %) (apply g %)) arg-lists)
             (map #(apply g %) arg-lists))))

(check "loop" (fn [n] (loop [i 0 acc 0] (if (< i n) (recur (inc i) (+ acc i)) acc))) [0] [10] [100])
(check "multi-arity" (fn ([x] (+ x 1)) ([x y] (* x y)) ([x y & more] (apply + x y more))) [1] [3 4] [1 2 3 4])
(check "variadic" (fn [& xs] (reduce + 0 xs)) [] [1 2 3])
(check "try" (fn [x] (try (quot 10 x) (catch ArithmeticException e :div0) (finally (str x)))) [0] [5])
(check "case" (fn [x] (case x 1 :one 2 :two 3 :three (4 5) :more :other)) [1] [3] [5] [9])
(check "letfn" (fn [n] (letfn [(ev? [n] (if (zero? n) true (od? (dec n))))
                               (od? [n] (if (zero? n) false (ev? (dec n))))]
                         (ev? n)))
       [10] [7])
(check "constants" (fn [x] [x 1.5 3/4 1N \c :k 'sym '(1 2) #{:a} {:b [1]} "a string longer than sixty characters, which listings used to shorten"])
       [0])

;; A closure-making fn: the closures its assembled copy makes capture as usual.
(let [[same adder] (round-trip (fn [a] (fn [b] (+ a b))))]
  (println "closure" same ((adder 1) 2)))

;; The fn asm returns has its own upvalues nil.
(let [y 42
      [same g] (round-trip (fn [] y))]
  (println "upvalue" same (g)))
