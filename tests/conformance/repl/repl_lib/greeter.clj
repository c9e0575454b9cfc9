(ns repl-lib.greeter
  "Greetings, for the clojure.repl tests.")

(defn greet
  "Says hello to name."
  ([] (greet "world"))
  ([name] (str "hello " name)))

(defmacro unless
  "Evaluates body when test is false."
  [test & body]
  `(if ~test nil (do ~@body)))

(def ^{:doc "The answer."} answer 42)

(defn nodoc [x] x)

(defn- hidden "Private." [] nil)
