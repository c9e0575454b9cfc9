;; Writing dispatch functions with pprint-logical-block, pprint-newline, pprint-indent
;; and print-length-loop; with-pprint-dispatch, set-pprint-dispatch, simple-dispatch
;; methods, code-dispatch, pp, formatter, formatter-out, fresh-line, get-pretty-writer.
(require '[clojure.pprint :as pp :refer [pprint pprint-logical-block pprint-newline
                                         pprint-indent write-out print-length-loop]])

(defn tree-dispatch [x]
  (if (and (vector? x) (= :node (first x)))
    (pprint-logical-block :prefix "<" :suffix ">"
      (write-out (second x))
      (pprint-indent :block 2)
      (print-length-loop [kids (nnext x)]
        (when kids
          (.write *out* " ")
          (pprint-newline :linear)
          (write-out (first kids))
          (recur (next kids)))))
    (pp/simple-dispatch x)))

(def tree [:node "root" [:node "left" [:node "a"] [:node "b"]]
           [:node "right-with-a-longer-name" [:node "c" [:node "d"] [:node "e"]]]
           [:node "third"]])

(pp/with-pprint-dispatch tree-dispatch (pprint tree))
(binding [pp/*print-right-margin* 30] (pp/with-pprint-dispatch tree-dispatch (pprint tree)))
(binding [*print-length* 2] (pp/with-pprint-dispatch tree-dispatch (pprint tree)))
(binding [*print-level* 2] (pp/with-pprint-dispatch tree-dispatch (pprint tree)))

(defn fill-dispatch [x]
  (if (sequential? x)
    (pprint-logical-block :prefix "[" :suffix "]"
      (loop [s (seq x)]
        (when s
          (write-out (first s))
          (when (next s)
            (.write *out* " ")
            (pprint-newline :fill)
            (recur (next s))))))
    (pr x)))
(pp/with-pprint-dispatch fill-dispatch (pprint (range 60)))
(pp/with-pprint-dispatch fill-dispatch (pprint [(range 30) (range 30) [1 2]]))

(defn miser-dispatch [x]
  (if (sequential? x)
    (pprint-logical-block :prefix "(" :suffix ")"
      (loop [s (seq x)]
        (when s
          (write-out (first s))
          (when (next s)
            (.write *out* " ")
            (pprint-newline :miser)
            (recur (next s))))))
    (pr x)))
(doseq [w [20 40 80]]
  (binding [pp/*print-right-margin* w]
    (pp/with-pprint-dispatch miser-dispatch (pprint [1 [2 3 [4 5 6 7 8 9 10 11 12 13 14 15]]]))))

(defn prefixed [x]
  (if (map? x)
    (pprint-logical-block :per-line-prefix ";; "
      (doseq [[k v] x]
        (write-out k) (.write *out* " ") (write-out v)
        (pprint-newline :mandatory)))
    (pr x)))
(pp/with-pprint-dispatch prefixed (pprint {:a 1 :b "two" :c [3]}))

(defn current-indent [x]
  (if (vector? x)
    (pprint-logical-block :prefix "{" :suffix "}"
      (.write *out* "head: ")
      (pprint-indent :current 0)
      (loop [s (seq x)]
        (when s
          (write-out (first s))
          (when (next s)
            (pprint-newline :mandatory)
            (recur (next s))))))
    (pr x)))
(pp/with-pprint-dispatch current-indent (pprint [1 2 3]))

;; a method for a type of one's own in simple-dispatch
(defrecord Money [amount currency])
(defmethod pp/simple-dispatch Money [m]
  (print (str "#money " (:amount m) " " (:currency m))))
(pprint [(->Money 5 :eur) {:price (->Money 10 :usd)}])
(remove-method pp/simple-dispatch Money)

;; set-pprint-dispatch changes the root binding
(pp/set-pprint-dispatch (fn [x] (print "<anything>")))
(pprint [1 2 3])
(pp/set-pprint-dispatch pp/simple-dispatch)
(pprint [1 2 3])

;; code-dispatch
(def forms
  ['(defn greet "Says hello." [name] (println "Hello," name) (str "Hi " name))
   '(defn multi ([x] (multi x 1)) ([x y] (+ x y)))
   '(let [a 1 b (+ a 2) c (* b b b b b b b b)] (if (> c 100) (println "big" c) (println "small" c)))
   '(cond (< x 0) :negative (= x 0) :zero (> x 1000000) :huge :else :positive-and-not-too-large)
   '(condp = value 1 "one" 2 "two" 3 "three" "something else entirely that is long")
   '(fn* [p1 p2] (+ p1 p2 (* p1 p2) (- p1 p2) (/ p1 p2) (mod p1 p2) (quot p1 p2)))
   '(fn* [p1] (inc p1))
   '(ns my.namespace "Docs." (:require [clojure.string :as str] [clojure.set :refer [union intersection difference]]) (:import (java.util Date UUID)))
   '(when-let [x (compute-something-expensive with some arguments)] (do-this x) (do-that x) (and-more x))
   '(def my-var {:a 1 :b 2 :c (compute a value that is long enough to wrap the line)})
   '(-> x (assoc :a 1) (update :b inc) (dissoc :c) (merge {:d 4 :e 5 :f 6 :g 7}))
   '(doseq [x (range 10) :when (even? x)] (println x) (println (* x x)))
   '(if test then-branch-expression-that-is-quite-long else-branch-expression-that-is-also-long)
   '(clojure.core/let [a 1] a)
   '(quote x)
   '(deref a)])
(doseq [f forms]
  (pp/with-pprint-dispatch pp/code-dispatch (pprint f)))
(binding [pp/*print-right-margin* 40]
  (doseq [f forms]
    (pp/with-pprint-dispatch pp/code-dispatch (pprint f))))
(binding [pp/*print-suppress-namespaces* true]
  (pp/with-pprint-dispatch pp/code-dispatch (pprint '(clojure.core/let [a 1] (clojure.core/inc a)))))

;; pp prints *1
(binding [*1 {:last "value"}] (pp/pp))

;; formatter and formatter-out
(def f1 (pp/formatter "~a + ~a = ~a"))
(prn (f1 nil 1 2 3))
(f1 true 4 5 9)
(println)
(def f2 (pp/formatter-out "~{~a~^, ~}~%"))
(f2 [1 2 3])
(def f3 (pp/formatter-out "~<[~;~@{~w~^ ~_~}~;]~:>"))
(pp/with-pprint-dispatch (fn [x] (if (vector? x) (f3 x) (pr x))) (pprint (vec (range 40))))

;; fresh-line
(print "abc") (pp/fresh-line) (pp/fresh-line) (println "def")
(pp/cl-format true "x~&~&y~%")

;; get-pretty-writer keeps the column across cl-format calls
(binding [*out* (pp/get-pretty-writer *out*)]
  (doseq [row [[1 1 1] [2 4 8] [3 9 27] [10 100 1000]]]
    (doseq [col row]
      (pp/cl-format true "~4D~7,vT" col 8))
    (pp/cl-format true "~%")))

;; the errors of the functional interface
(doseq [f [#(pp/pprint-newline :sideways) #(pp/pprint-indent :nowhere 1)
           #(pp/pprint-tab :line 1 1) #(pp/pprint-tab :bad 1 1)]]
  (try (pp/with-pprint-dispatch (fn [_] (f)) (pprint nil))
       (catch Exception e (println (ex-message e)))))

;; the dispatch var and *print-pretty*
(prn (= pp/*print-pprint-dispatch* pp/simple-dispatch))
(binding [pp/*print-pprint-dispatch* pp/code-dispatch]
  (pprint '(let [a 1 b 2] (+ a b a b a b a b a b a b a b a b a b a b a b a b a b a b a b))))
(binding [pp/*print-pretty* false]
  (pp/write (vec (range 30)))
  (println)
  (pp/cl-format true "~w~%" (vec (range 30))))
(pp/cl-format true "~w~%" (vec (range 30)))
