;; clojure.java.io/writer: *out* bound to a file writer, with-open closing it.
(require '[clojure.java.io :as io])
(def path (str (System/getProperty "java.io.tmpdir") "/clove-io-writer-test.txt"))
(with-open [w (io/writer path)]
  (binding [*out* w]
    (println "line one")
    (prn {:a 1})))
(prn (slurp path))
(with-open [w (io/writer path :append true)]
  (binding [*out* w] (print "appended")))
(prn (slurp path))
(with-open [r (io/reader path)]
  (prn (vec (line-seq r))))
(with-open [a (java.io.StringWriter.) b (java.io.StringWriter.)]
  (binding [*out* a] (print "A"))
  (binding [*out* b] (print "B"))
  (prn (str a) (str b)))
(prn (with-open [] :empty-bindings))
(io/delete-file path)
;; spit into a writer closes it; slurp of a reader reads what is left
(let [sw (java.io.StringWriter.)]
  (spit sw "spat")
  (prn (str sw)))
(spit path "to file")
(with-open [w (io/writer path :append true)] (spit w ", via writer"))
(prn (slurp path))
(let [r (java.io.BufferedReader. (java.io.StringReader. "l1\nl2\nl3"))]
  (binding [*in* r] (read-line))
  (prn (slurp r)))
(io/delete-file path)
