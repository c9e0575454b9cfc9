;; 06_clove_mode.clj: the clojure.core side of the rules for .clove files (SPEC L3, L14;
;; the analyzer side is src/compiler/analyze/clove_mode.h).
;;
;; - `unquote` and `unquote-splicing` are unbound vars, as in Clojure: outside a
;;   syntax-quote, ~x reads as (clojure.core/unquote x), which in .clj/.cljc files fails
;;   at run time with "Attempting to call unbound fn: #'clojure.core/unquote". In .clove
;;   files the analyzer evaluates ~x at compile time instead.
;; - `let-shadow` is `let` for the locals that shadow a var on purpose in a .clove file:
;;   it marks every symbol of its binding forms with {:clove/allow-shadow true}, the
;;   metadata the shadowing guard looks for (writing ^:clove/allow-shadow on one binding
;;   symbol by hand does the same). Destructuring keeps binding symbols, so the mark
;;   reaches the let* the binding vector expands to.

(def unquote)
(def unquote-splicing)

(defn- allow-shadow-marks
  "Binding form `b` with every symbol in it (nested vectors and maps included, `&`
  excepted) carrying {:clove/allow-shadow true} metadata."
  [b]
  (cond
    (symbol? b) (if (= b '&) b (with-meta b (assoc (if (meta b) (meta b) {}) :clove/allow-shadow true)))
    (vector? b) (vec (map allow-shadow-marks b))
    (map? b) (into {} (map (fn [e] [(allow-shadow-marks (key e)) (allow-shadow-marks (val e))]) b))
    :else b))

(defmacro let-shadow
  "(let-shadow [binding-form init-expr ...] body...): exactly `let`, except that in a
  .clove file its locals may shadow vars (which `let` reports as a compile error there).
  Use it where the shadowing is intended, e.g. (let-shadow [count (count xs)] ...)."
  [bindings & body]
  (when-not (vector? bindings)
    (throw (IllegalArgumentException. "let-shadow requires a vector for its binding")))
  (when-not (even? (count bindings))
    (throw (IllegalArgumentException. "let-shadow requires an even number of forms in binding vector")))
  (let [marked (loop [i 0 acc []]
                 (if (< i (count bindings))
                   (recur (+ i 2) (conj acc (allow-shadow-marks (nth bindings i)) (nth bindings (inc i))))
                   acc))]
    (list* 'clojure.core/let marked body)))
