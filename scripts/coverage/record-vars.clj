;; record-vars.clj: prints every public var of the namespaces scripts/coverage.py
;; covers, one ns/name a line, sorted. Run with JVM Clojure 1.11 to record
;; clojure-1.11-vars.txt (see scripts/coverage.py):
;;   java -cp "$(ls /usr/share/java/*.jar | tr '\n' :)" clojure.main record-vars.clj > clojure-1.11-vars.txt
(def namespaces '[clojure.core clojure.string clojure.set clojure.walk clojure.edn clojure.test
                  clojure.pprint clojure.data clojure.zip])
(doseq [n namespaces] (require n))
(doseq [line (sort (for [n namespaces, s (keys (ns-publics n))] (str n "/" s)))]
  (println line))
