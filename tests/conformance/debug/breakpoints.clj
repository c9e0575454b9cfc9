;; Breakpoints by line and by function, patched into loaded code; a fiber with :debug
;; in its mask catches their stops.
(defn area [w h]
  (let [a (* w h)]
    (inc a)))

(defn perimeter [w h]
  (* 2 (+ w h)))

(def by-line (clove.debug/set-breakpoint "debug/breakpoints.clj" 5))
(def by-fn (clove.debug/break-fn #'perimeter))
(println :breakpoints (mapv (juxt :id :line :verified) (clove.debug/breakpoints)))

(def fb (fiber/new (fn [] [(area 3 4) (perimeter 3 4)]) #{:debug}))
(fiber/resume fb)
(println :stop1 (:name (first (clove.debug/stack fb))) (:line (first (clove.debug/stack fb)))
         (clove.debug/locals fb 0))
(fiber/resume fb)
(println :stop2 (:name (first (clove.debug/stack fb))) (clove.debug/locals fb 0))
(println :result (fiber/resume fb) (fiber/status fb))

;; Outside a :debug fiber the breakpoints do not stop the program.
(println :plain (area 2 5) (perimeter 2 5))

(println :clear (clove.debug/clear-breakpoint by-line) (clove.debug/clear-breakpoint by-line))
(def fb2 (fiber/new (fn [] [(area 1 1) (perimeter 1 1)]) #{:debug}))
(fiber/resume fb2)
(println :only-fn (:name (first (clove.debug/stack fb2))))
(println :result2 (fiber/resume fb2))
(clove.debug/clear-breakpoint)
(println :none (clove.debug/breakpoints))

;; A breakpoint set before its code is compiled applies when it is.
(def later (clove.debug/set-breakpoint "debug/breakpoints.clj" 36))
(defn late-fn [n]
  (* n n))
(def fb3 (fiber/new (fn [] (late-fn 7)) #{:debug}))
(fiber/resume fb3)
(println :late (:line (first (clove.debug/stack fb3))) (clove.debug/locals fb3 0))
(println :late-result (fiber/resume fb3))
