;; clojure.main: ex-triage of Throwable->map data in each phase (synthetic data with
;; the JVM's trace shape), ex-str for every phase and kind of class, demunge, repl's
;; hooks (*1 *2 *3, *e, errors while evaluating and printing), repl-read,
;; with-read-known, main's -e and - options and *command-line-args*.
(require '[clojure.main :as m])

(defn show [data]
  (let [t (m/ex-triage data)]
    (prn (into (sorted-map) t))
    (print (m/ex-str t))))

(def numbers-frame '[clojure.lang.Numbers divide "Numbers.java" 190])
(def core-frame '[clojure.core$read_string invoke "core.clj" 3])

(println "-- execution")
(show {:via [{:type 'java.lang.ArithmeticException :message "m1" :at numbers-frame}]
       :cause "m1"
       :trace [numbers-frame core-frame '[java.lang.Foo bar "Foo.java" 3] '[user$f invoke "a.clj" 4]]})
(show {:via [{:type 'java.lang.ArithmeticException :message "m1"}] :cause "m1"
       :trace [core-frame '[user$f invoke "a.clj" 4]]})
(show {:via [{:type 'java.lang.ArithmeticException :message "m1"}] :cause "m1"
       :trace '[[user$f$fn__12 invoke "NO_SOURCE_FILE" 4]]})
(show {:via [{:type 'java.lang.ArithmeticException :message "m1"}] :cause "m1"
       :trace '[[my_ns.core$odd_QMARK_ invoke "core.clj" 7]]})
(show {:via [{:type 'java.lang.ArithmeticException :message "m1"}] :cause "m1" :trace []})
(show {:via [{:type 'java.lang.ArithmeticException :message "m1"}] :cause "m1"})
(show {:via [{:type 'clojure.lang.ExceptionInfo :message "outer"} {:type 'java.lang.IllegalStateException :message "inner"}]
       :cause "inner" :trace '[[user$g invoke "g.clj" 9]]})
(show {:via [{:type 'java.lang.AssertionError :message "m1"}] :cause "m1" :trace '[[user$f invoke "a.clj" 4]]})

(println "-- read-source")
(show {:via [{:type 'clojure.lang.ExceptionInfo :message "m1"
              :data {:clojure.error/phase :read-source :clojure.error/source "c.clj" :clojure.error/line 2 :clojure.error/column 3}}
             {:type 'java.lang.RuntimeException :message "inner"}]
       :cause "inner" :phase :read-source})
(show {:via [{:type 'clojure.lang.ExceptionInfo :message "m1"
              :data {:clojure.error/phase :read-source :clojure.error/source "c.clj" :clojure.error/line 2 :clojure.error/column 3}}
             {:type 'clojure.lang.ExceptionInfo :message "inner" :data {:a 1}}]
       :cause "inner" :phase :read-source})

(println "-- compiling and macroexpanding")
(show {:via [{:type 'clojure.lang.ExceptionInfo :message "m1"
              :data {:clojure.error/phase :compile-syntax-check :clojure.error/source "/a/b/c.clj" :clojure.error/line 2 :clojure.error/column 3}}
             {:type 'java.lang.RuntimeException :message "inner"}]
       :cause "inner" :phase :compile-syntax-check})
(show {:via [{:type 'clojure.lang.ExceptionInfo :message "m1"
              :data {:clojure.error/phase :macroexpansion :clojure.error/symbol 'foo :clojure.error/source "NO_SOURCE_PATH" :clojure.error/line 2 :clojure.error/column 3}}
             {:type 'java.lang.IllegalStateException :message "inner"}]
       :cause "inner" :phase :macroexpansion})
(show {:via [{:type 'clojure.lang.ExceptionInfo :message "m1"
              :data {:clojure.error/phase :compile-syntax-check :clojure.error/symbol 'foo :clojure.error/source "s.clj" :clojure.error/line 2}}
             {:type 'java.lang.IllegalStateException :message "inner"}]
       :cause "inner" :phase :compile-syntax-check})
(show {:via [{:type 'clojure.lang.ExceptionInfo :message "m1"
              :data {:clojure.error/phase :compilation :clojure.error/symbol 'foo :clojure.error/source "s.clj" :clojure.error/line 2}}
             {:type 'java.lang.IllegalStateException :message "inner"}]
       :cause "inner" :phase :compilation})
(show {:via [{:type 'clojure.lang.ExceptionInfo :message "m1" :data {:clojure.error/phase :macro-syntax-check :clojure.error/symbol 'foo}}
             {:type 'java.lang.IllegalStateException :message "inner"}]
       :cause "inner" :phase :macro-syntax-check})

(println "-- eval results")
(show {:via [{:type 'clojure.lang.ExceptionInfo :message "m1" :data {:clojure.error/phase :print-eval-result}}
             {:type 'java.lang.IllegalStateException :message "inner"}]
       :cause "inner" :phase :print-eval-result :trace '[[user$f invoke "a.clj" 4]]})
(show {:via [{:type 'clojure.lang.ExceptionInfo :message "m1" :data {:clojure.error/phase :read-eval-result}}
             {:type 'java.lang.IllegalStateException :message "inner"}]
       :cause "inner" :phase :read-eval-result})

(println "-- ex-str")
(doseq [ph [:read-source :macro-syntax-check :macroexpansion :compile-syntax-check :compilation :read-eval-result :print-eval-result :execution]
        cls [nil 'java.lang.RuntimeException 'java.lang.IllegalStateException]
        sym [nil 'a/b]
        loc [{:clojure.error/source "s.clj"}
             {:clojure.error/path "p/s.clj" :clojure.error/source "s.clj" :clojure.error/line 5 :clojure.error/column 6}]]
  (print (m/ex-str (merge {:clojure.error/phase ph :clojure.error/class cls :clojure.error/symbol sym :clojure.error/cause "C"} loc))))

(println "-- demunge")
(doseq [s ["clojure.core$map" "user$eval12$fn__13" "a_BANG__STAR__PLUS_$b_LT__EQ__GT_" "x_COLON_y_SHARP_z" "plain" "under_score$x"]]
  (println s "->" (m/demunge s)))

(println "-- repl")
(defn run-repl [input & opts]
  (with-out-str (binding [*err* *out*] (with-in-str input (apply m/repl :prompt (fn []) opts)))))
(print (run-repl "1 2 3 [*1 *2 *3] (/ 1 0) (class *e) :end" :caught #(println "caught" (ex-message %))))
(print (run-repl "1 2 3" :read (fn [p e] (read {:eof e} *in*)) :eval #(* 10 %) :print #(println "got" %)))
(print (run-repl "1 2 :boom 4"
                 :eval #(if (= % :boom) (throw (ex-info "bad" {:k 1})) %)
                 :caught #(println "caught" (class %) (ex-message %) (ex-data %))))
(print (run-repl "1 (reify Object (toString [_] (throw (ex-info \"pf\" {})))) 3"
                 :caught #(println "caught" (:clojure.error/phase (ex-data %)) (ex-message (ex-cause %)))))
(print (run-repl "1 :repl/quit 2"))
(print (run-repl "1 2" :init #(println "init") :prompt #(print "> ") :need-prompt (constantly true)))
(print (run-repl "1" :init #(throw (ex-info "init failed" {})) :caught #(println "caught" (ex-message %))))
(println (with-in-str ":repl/quit" (m/repl-read :p :e)))
(println (with-in-str "" (m/repl-read :p :e)))
(println (binding [*read-eval* :unknown] (m/with-read-known *read-eval*)))
(println (binding [*read-eval* false] (m/with-read-known *read-eval*)))

(println "-- main")
(m/main "-e" "(prn *command-line-args*) (+ 1 2) nil" "--eval" ":x" "-" "q" "r")
(print (with-in-str "(prn :stdin *command-line-args*)" (with-out-str (m/main "-e" "(prn *command-line-args*)" "-" "q"))))
(m/main "-e" "(set! *print-length* 2) (prn (range 10))")
(prn (range 5))
