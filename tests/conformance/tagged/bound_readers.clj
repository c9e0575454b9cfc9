;; *data-readers* and *default-data-reader-fn* at read time (read-string, load-string):
;; the reader function gets the form after the tag, unevaluated.
(prn (binding [*data-readers* {'my/tag (fn [x] [:tagged x])}]
       (read-string "#my/tag (+ 1 2)")))
(prn (binding [*data-readers* {'my/tag (fn [x] [:tagged x])}]
       (read-string "[1 #my/tag {:k #my/tag sym} #{#my/tag 3}]")))
(prn (binding [*data-readers* {'point (fn [[x y]] {:x x :y y})}]
       (load-string "(def p #point [1 2]) (:y p)")))
(prn (binding [*default-data-reader-fn* (fn [tag form] {:tag tag :form form})]
       (read-string "#foo/bar [1 #baz 2]")))
(prn (binding [*default-data-reader-fn* tagged-literal]
       (read-string "#unknown/thing 5")))
;; *data-readers* wins over the built-in readers and over the default function
(prn (binding [*data-readers* {'inst (fn [s] (str "custom " s))}
               *default-data-reader-fn* (fn [t f] :default)]
       [(read-string "#inst \"2020-01-01\"") (read-string "#other 1")]))
(prn (binding [*default-data-reader-fn* (fn [t f] :default)]
       (inst? (read-string "#inst \"2020-01-01T00:00:00Z\""))))
;; nested tags are read innermost first
(prn (binding [*data-readers* {'inc (fn [x] (inc x)) 'dbl (fn [x] (* 2 x))}]
       (read-string "#dbl #inc 4")))
;; unknown tags are still an error
(prn (try (binding [*data-readers* {'my/tag identity}] (read-string "#other/tag 1"))
          (catch Exception e (boolean (re-find #"No reader function for tag other/tag" (ex-message e))))))
;; a reader function that throws
(prn (try (binding [*data-readers* {'bad (fn [_] (throw (ex-info "bad reader" {})))}]
            (read-string "#bad 1"))
          (catch clojure.lang.ExceptionInfo e (ex-message e))))
(prn (map? *data-readers*) *default-data-reader-fn*)
