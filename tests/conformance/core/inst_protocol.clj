;; Inst is a protocol, as in Clojure: inst? and inst-ms work on any type extending it.
(defrecord Stamp [ms])
(extend-protocol Inst Stamp (inst-ms* [s] (:ms s)))
(prn (inst? #inst "2020") (inst-ms #inst "1970-01-01T00:00:01Z") (inst? (->Stamp 5)) (inst-ms (->Stamp 5)) (inst? 1) (inst? nil))
(prn (try (inst-ms 1) (catch IllegalArgumentException e :iae)))
(prn (inst-ms* #inst "1970-01-01T00:00:02Z"))
