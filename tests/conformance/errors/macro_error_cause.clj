;; A macro that throws while being expanded: the CompilerException carries the macro's
;; own exception as its cause (ex-cause), with its class, message and data.
(defmacro boom [] (throw (ex-info "boom" {:a 1})))
(defmacro bad-arg [x] (throw (IllegalArgumentException. (str "bad " x))))
(defn cause-of [form]
  (try (eval form) :no-error
       (catch Exception e
         (let [c (ex-cause e)]
           [(instance? clojure.lang.Compiler$CompilerException e) (class c) (ex-message c) (ex-data c)]))))
(println (cause-of '(boom)))
(println (cause-of '(bad-arg 7)))
(println (cause-of '(for [x [1] :foo 2] x)))
(println (cause-of '(+ 1 2)))
(println (try (eval '(boom)) (catch clojure.lang.ExceptionInfo e :info) (catch Exception e :compiler)))
