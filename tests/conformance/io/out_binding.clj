;; *out* and *err* are dynamic vars holding writers: binding them redirects every
;; printing function; with-out-str and java.io.StringWriter capture text.
(println "plain line")
(binding [*out* *err*]
  (println "to stderr via *out*")
  (prn :err-value))
(println "back on stdout")
(prn (with-out-str (print "a" 1) (prn [1 "x"]) (newline) (printf "%d-%s" 7 "z")))
(prn (with-out-str))
(prn (with-out-str (pr "q") (flush)))
;; nested captures: the inner one takes only its own text
(prn (with-out-str (print "outer<") (print (with-out-str (print "inner"))) (print ">")))
;; a StringWriter, bound by hand and read with str
(let [sw (java.io.StringWriter.)]
  (binding [*out* sw]
    (println "first")
    (print "second"))
  (prn (str sw))
  (binding [*out* sw] (print "+more"))
  (prn (str sw)))
(prn (class (java.io.StringWriter.)))
;; *err* bound to a StringWriter captures what code prints to *err*
(let [sw (java.io.StringWriter.)]
  (binding [*err* sw]
    (binding [*out* *err*] (println "warning: captured")))
  (prn (str sw)))
;; an exception inside with-out-str unwinds the binding
(prn (try (with-out-str (print "lost") (throw (ex-info "boom" {})))
          (catch clojure.lang.ExceptionInfo e (ex-message e))))
(println "still stdout")
;; binding *out* in a function seen by callees
(defn shout [] (println "from callee"))
(prn (with-out-str (shout) (shout)))
(prn (= *out* *out*) (identical? *out* *err*))
;; println-str and friends do not touch *out*
(prn (with-out-str (prn (pr-str 1 "a") (prn-str :k) (print-str "p" 2) (println-str "l"))))
