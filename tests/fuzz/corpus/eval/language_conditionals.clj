;; if, when, cond, do and truthiness.
(println (if true :yes :no) (if false :yes :no) (if nil :yes :no))
(println (if 0 :truthy :falsy) (if "" :truthy :falsy) (if [] :truthy :falsy) (if () :truthy :falsy))
(prn (if false :yes) (if true :yes))
(prn (when true :a :b :c) (when false :a) (when nil (println "never")))
(when true (println "when body 1") (println "when body 2"))
(defn classify [n]
  (cond (< n 0) :negative
        (= n 0) :zero
        (< n 10) :small
        :else :large))
(println (classify -5) (classify 0) (classify 7) (classify 1000))
(prn (cond false 1 nil 2))
(prn (cond))
(println (do 1 2 3) (do))
(println (do (println "side effect") :value))
(println (if (= 1 1) (do (print "a") (print "b") :c) :d))
(println (not true) (not false) (not nil) (not 0))
(println (if (if true false true) :inner-true :inner-false))
