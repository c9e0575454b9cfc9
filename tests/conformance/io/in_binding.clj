;; *in* is a dynamic var holding a reader: read-line and line-seq read from it and
;; with-in-str binds it to a string.
(prn (read-line))  ; stdin is empty in the test harness
(with-in-str "alpha\nbeta\r\ngamma\rdelta"
  (prn (read-line))
  (prn (read-line))
  (prn (read-line))
  (prn (read-line))
  (prn (read-line)))
(prn (with-in-str "" (read-line)))
(prn (with-in-str "one\n\nthree\n" (doall (line-seq (java.io.BufferedReader. *in*)))))
(prn (with-in-str "x" (doall (line-seq (java.io.BufferedReader. *in*)))))
(prn (with-in-str "" (line-seq (java.io.BufferedReader. *in*))))
(prn (with-in-str "head\nrest of\ntext" [(read-line) (slurp *in*)]))
(defn ask [] (let [l (read-line)] (str "got " l)))
(prn (with-in-str "answer\n" (ask)))
(prn (with-in-str "1\n2\n3" (reduce + (map parse-long (line-seq (java.io.BufferedReader. *in*))))))
(prn (try (with-in-str 42 (read-line)) (catch ClassCastException e :not-a-string)))
(let [r (java.io.StringReader. "p\nq")]
  (prn (line-seq (java.io.BufferedReader. r))))
