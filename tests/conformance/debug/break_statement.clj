;; clove.debug/break inside a fiber whose mask has :debug: the fiber stops with status
;; :debug, its frames and locals can be read and evaluated in, and resuming goes on.
(defn f [x]
  (let [y (* x 2)]
    (clove.debug/break)
    (+ x y)))

(def fb (fiber/new (fn [] (inc (f 20))) #{:debug}))
(println :resume (fiber/resume fb))
(println :status (fiber/status fb))
(println :frames (mapv (juxt :name :line :column) (clove.debug/stack fb)))
(println :locals (clove.debug/locals fb 0))
(println :eval (clove.debug/eval fb 0 '(+ x y 1000)))
(println :outer (clove.debug/locals fb 1))
(println :done (fiber/resume fb) (fiber/status fb))

;; Without a fiber that catches :debug (and no debugger attached), break does nothing.
(println :plain (f 1))

;; The stop goes to the nearest fiber with :debug: an inner fiber without it passes it on.
(def outer (fiber/new (fn [] (fiber/resume (fiber/new (fn [] (f 5)))) ) #{:debug}))
(println :outer-resume (fiber/resume outer) (fiber/status outer))
(println :outer-stack (mapv :name (clove.debug/stack outer)))
(println :outer-done (fiber/resume outer) (fiber/status outer))
