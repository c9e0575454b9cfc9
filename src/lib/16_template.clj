;; lazy-ns: clojure.template
;; 16_template.clj: clojure.template (SPEC L17), loaded on the first (require
;; 'clojure.template). Written for Clove from the documented and observed behaviour of
;; Clojure's: substitution of values for symbols throughout a form, and a macro that
;; stamps out one copy of a form per group of values. Used by clojure.test's `are`.

(ns clojure.template
  "Filling in a form's placeholders (symbols) with values, once or once per group of
  values."
  (:require [clojure.walk :as walk]))

(defn apply-template
  "Returns expr with each symbol of the vector argv replaced, wherever it occurs, by
  the value at the same position in values (extra symbols stay as they are, extra
  values are ignored). The replacement is not hygienic: it also happens inside quoted
  forms. Throws an AssertionError unless argv is a vector of symbols."
  [argv expr values]
  (when-not (and (vector? argv) (every? symbol? argv))
    (throw (AssertionError. (str "Assert failed: "
                                 (if (vector? argv) "(every? symbol? argv)" "(vector? argv)")))))
  (let [bindings (into {} (map vector argv values))]
    (walk/postwalk-replace bindings expr)))

(defmacro do-template
  "Expands into a do holding one copy of expr per consecutive group of values, each
  group as many values as argv has symbols (apply-template fills it in); a final
  incomplete group is dropped. E.g. (do-template [x y] (f x y) 1 2 3 4) expands to
  (do (f 1 2) (f 3 4))."
  [argv expr & values]
  (let [width (count argv)
        copies (for [group (partition width values)]
                 (apply-template argv expr group))]
    (list* 'do copies)))
