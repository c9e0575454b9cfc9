;; Clove-specific, written by hand (the JVM would hang on the first deref): a deref that
;; no future can ever satisfy throws, a timed one returns its timeout value; a deref in
;; a fiber that is not a future's (a generator) runs the queued futures itself.
(def p (promise))
(println (try @p (catch IllegalStateException e (ex-message e))))
(def f (future @p))
(println (realized? f) (try @f (catch IllegalStateException e (ex-message e))))
(println (deref f 10 :timeout))
(deliver p :late)
(println @f (realized? f))
(def gate (promise))
(def out (promise))
(def worker (future (deliver out (str "got " @gate))))
(deliver gate 1)
(println (realized? worker) (first (fiber-seq (fn [] (clove.fiber/yield @out)))) (realized? worker))
(def a (agent 0))
(send a (fn [s] (await a) s))
(println (ex-message (agent-error a)))
