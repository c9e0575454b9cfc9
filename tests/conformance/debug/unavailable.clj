;; A local whose register the compiler reused after its last use is shown as
;; :clove.debug/unavailable, never with the value that now occupies the register; an
;; expression that names it is an error saying so.
(defn compute [x]
  (let [y (* x 2)
        m {:x x :ys [y y]}]
    (clove.debug/break)
    (+ y (count m))))

(def fb (fiber/new (fn [] (compute 20)) #{:debug}))
(fiber/resume fb)
(println (clove.debug/locals fb 0))
(println (clove.debug/eval fb 0 '(+ y (count m))))
(println (try (clove.debug/eval fb 0 '(inc x)) (catch Exception e (ex-message e))))
(println (fiber/resume fb))
