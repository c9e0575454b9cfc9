;; list-vars.clj: prints the public vars Clove has in the namespaces scripts/coverage.py
;; covers, one ns/name a line (a namespace that does not load prints nothing).
(def namespaces '[clojure.core clojure.string clojure.set clojure.walk clojure.edn clojure.test
                  clojure.pprint clojure.data clojure.zip])
(doseq [n namespaces]
  (try (require n) (catch Throwable _ nil))
  (when-let [the-ns (find-ns n)]
    (doseq [s (keys (ns-publics the-ns))]
      (println (str n "/" s)))))
