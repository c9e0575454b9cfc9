;; Other nesting a program can build without limit: a top-level (do (do ...)) handed to
;; eval, nested character classes in a regex, and lazy seqs returning lazy seqs
;; (realized in linear time). Each works or throws a catchable error.
;; labels: slow
(def n 1000000)
(defn nest [f x] (reduce (fn [acc _] (f acc)) x (range n)))

(defmacro survives
  "expr's value, or `otherwise` when it overflows the stack."
  [expr otherwise]
  `(try ~expr (catch StackOverflowError _# ~otherwise)))

(println "eval do" (survives (eval (nest #(list 'do %) 1)) 1)
         (survives (eval (nest #(list 'do % 2) 1)) 2)
         (survives (eval (nest #(list 'do 0 %) 1)) 1))

(println "regex" (try (re-find (re-pattern (str (apply str (repeat 100000 "[")) "a" (apply str (repeat 100000 "]"))))
                                "bab")
                      (catch Throwable _ "a")))
(println (re-find #"[x[ab]y]+" "--bayx--"))

(println "lazy chain" (first (nest #(lazy-seq %) [7])) (count (nest #(lazy-seq %) (range 3)))
         (seq (nest #(lazy-seq %) nil)))
(println "done")
