;; clojure.instant: what parse-timestamp accepts and rejects, field defaults, fractions,
;; offsets and leap seconds, and every check of validated in order.
(require '[clojure.instant :as i])
(doseq [s ["2020-01-02t03:04" "2020-01-02 03:04" "2020-01-02T03" "2020-01-02T03:04:05z" "2020-01-02T03:04:05+01" "2020-01-02T03:04:05+0100" "2020-01-02T03:04:05.1234567891234Z" "2020-01-02T03:04.5" "2020-01-02Z" "2020Z" "2020-01-02T03:04-05:30" "2020-1-2" "20201" "2020-01-02T03:04:05." " 2020" "2020 " "99999" "2020-01-02T03:04:05.000000001-00:00" "9999-12-31T23:59:59.999Z" "1969-12-31T23:59:59.999Z" "1900-02-29" "2000-02-29" "2100-02-29" "2020-00-10" "2020-01-00" "2020-04-31" "2020-01-01T23:59:60Z" "2020-06-30T23:59:60+02:00" "2020-01-01T00:00:00-23:59" "2020-01-01T00:00:00+00:60" "٢٠٢٠"]]
  (prn s (try (i/parse-timestamp vector s) (catch Throwable e [(class e) (.getMessage e)]))
       (try (i/read-instant-date s) (catch Throwable e [(class e) (.getMessage e)]))))
(doseq [args [[2020 1 1 0 0 0 1000000000 0 0 0] [2020 1 1 0 0 0 -1 0 0 0] [2020 1 1 0 0 0 0 2 0 0] [2020 1 1 0 0 0 0 -2 0 0] [2020 1 1 0 0 0 0 0 -1 0] [2020 1 1 0 0 0 0 0 0 60] [2020 1 1 0 0 0 0 0 0 -1] [-5 1 1 0 0 0 0 0 0 0] [2020 1 1 -1 0 0 0 0 0 0] [2020 1 1 0 59 60 0 0 0 0] [2020 1 1 0 58 60 0 0 0 0] [2020 2 30 0 0 0 0 0 0 0] [2019 2 29 0 0 0 0 0 0 0] [2020 13 40 25 61 61 -1 5 30 70]]]
  (prn args (try (apply (i/validated vector) args) (catch Throwable e [(class e) (.getMessage e)]))))

(prn (i/parse-timestamp list "2020") (inst-ms (i/read-instant-timestamp "1970-01-01T00:00:00.001Z")))
