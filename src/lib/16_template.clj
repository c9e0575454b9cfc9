;; lazy-ns: clojure.template
;; 16_template.clj: clojure.template (SPEC L17), loaded on the first (require
;; 'clojure.template), as in Clojure: macros that substitute values for the symbols of
;; a template, following clojure/template.clj (Stuart Sierra).

(ns clojure.template
  "Macros that expand to repeated copies of a template expression."
  (:require [clojure.walk :as walk]))

(defn apply-template
  "For use in macros. argv is an argument list, as in defn. expr is a quoted expression
  using the symbols in argv. values is a sequence of values to be used for the
  arguments.

  apply-template will recursively replace argument symbols in expr with their
  corresponding values, returning a modified expr.

  Example: (apply-template '[x] '(+ x x) '[2])
           ;=> (+ 2 2)"
  [argv expr values]
  (assert (vector? argv))
  (assert (every? symbol? argv))
  (walk/postwalk-replace (zipmap argv values) expr))

(defmacro do-template
  "Repeatedly copies expr (in a do block) for each group of arguments in values.
  values are automatically partitioned by the number of arguments in argv, an argument
  vector as in defn.

  Example: (macroexpand '(do-template [x y] (+ y x) 2 4 3 5))
           ;=> (do (+ 4 2) (+ 5 3))"
  [argv expr & values]
  (let [c (count argv)]
    `(do ~@(map (fn [a] (apply-template argv expr a))
                (partition c values)))))
