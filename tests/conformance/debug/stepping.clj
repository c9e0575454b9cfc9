;; Stepping a fiber stopped in the debugger: over, into and out, line by line.
(defn g [a]
  (let [b (inc a)]
    (* b 10)))

(defn f [x]
  (let [y (* x 2)]
    (clove.debug/break)
    (println "in f" y)
    (+ (g y)
       x)))

(defn where [fb] (mapv (juxt :name :line) (clove.debug/stack fb)))

(def fb (fiber/new (fn [] (f 20)) #{:debug}))
(fiber/resume fb)
(println :break (where fb))
(clove.debug/step fb :over)
(println :over (where fb))
(clove.debug/step fb)
(println :over-again (where fb))
(clove.debug/step fb :into)
(println :into (where fb) (clove.debug/locals fb 0))
(clove.debug/step fb :over)
(println :over-in-g (where fb))
(clove.debug/step fb :out)
(println :out (where fb))
(println :done (fiber/resume fb) (fiber/status fb))
