;; fiber/yield on the root fiber (top level, or a function called from it) has no
;; resumer to return to: IllegalStateException, catchable.
(defn gen [] (fiber/yield :v))
(println (try (fiber/yield) (catch IllegalStateException e (ex-message e))))
(println (try (gen) (catch IllegalStateException e (class e))))
;; the root fiber is unchanged and still usable
(println (fiber/status (fiber/current)))
;; the same function yields fine inside a fiber
(println (fiber/resume (fiber/new gen)))
;; after a fiber ended, yielding at the top level still fails
(println (try (fiber/yield 1) (catch Exception e :caught)))
