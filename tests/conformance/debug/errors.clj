;; clove.debug's errors: bad arguments, fibers that are not stopped, missing frames.
(defmacro err [form]
  `(try ~form (catch Throwable e# (println (ex-message e#)))))

(err (clove.debug/set-breakpoint "x.clj" 0))
(err (clove.debug/set-breakpoint 1 2))
(err (clove.debug/break-fn +))
(err (clove.debug/break-fn 42))
(err (clove.debug/locals (fiber/new (fn [])) 0))
(err (clove.debug/stack 42))
(err (clove.debug/step (fiber/new (fn []))))
(err (clove.debug/break-on-exceptions :sometimes))
(println (clove.debug/clear-breakpoint 12345))

(def fb (fiber/new (fn [] (clove.debug/break) :ok) #{:debug}))
(fiber/resume fb)
(err (clove.debug/locals fb 7))
(err (clove.debug/step fb :sideways))
(println (try (clove.debug/eval fb 0 '(undefined-thing))
              (catch Throwable e (boolean (re-find #"Unable to resolve symbol: undefined-thing" (ex-message e))))))
(err (fiber/resume fb 1 2))
(println (fiber/resume fb))
