;; clojure.instant: RFC 3339 timestamps, validated, read as instants.
(require '[clojure.instant :as i])
(prn (i/read-instant-date "2020-01-02T03:04:05.123-01:30") (i/read-instant-date "2020"))
(prn (i/read-instant-date "2020-02-29T23:59:59Z") (i/read-instant-date "1999-12-31T23:59:60Z"))
(prn (= (i/read-instant-date "2021-06-01T12:00:00+02:00") #inst "2021-06-01T10:00:00.000-00:00"))
(prn (i/parse-timestamp vector "2020-01-02T03:04:05.5+01:00") (i/parse-timestamp vector "1999"))
(prn ((i/validated vector) 2020 2 29 0 0 0 0 0 0 0))
(doseq [s ["2021-02-29" "2020-13-01" "2020-01-01T24:00" "2020-01-01T10:60" "2020-01-01T10:10:60" "x2020" "2020-01-01T00:00:00+24:00"]]
  (prn s (try (i/read-instant-date s) (catch RuntimeException e (.getMessage e)))))
(binding [*data-readers* {'inst i/read-instant-date}]
  (prn (read-string "#inst \"2001-02-03\"")))
