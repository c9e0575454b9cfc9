;; (doc ...) of clojure.core's functions and macros (natives and Clove-written ones): the
;; dashes, the qualified name, the arglists and "Macro" as Clojure prints them (the
;; docstrings' own words may differ, so only the lines before them are compared).
(require '[clojure.repl :refer [doc]] '[clojure.string :as str])

(defmacro head [n sym]
  `(let [lines# (str/split-lines (with-out-str (doc ~sym)))]
     (doseq [l# (take ~n lines#)] (println l#))))

(head 3 map)
(head 3 first)
(head 3 reduce)
(head 3 str)
(head 3 assoc)
(head 3 filter)
(head 4 when)
(head 4 defn)
(head 4 cond)
(head 3 clojure.string/join)
(head 3 clojure.string/split)
