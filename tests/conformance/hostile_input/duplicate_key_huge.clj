;; A 200,000-entry map literal and set literal whose last key repeats the 18th: the
;; labels: slow
;; reader used to compare every pair of keys to name the duplicate (minutes at this size).
(def entries (apply str (for [i (range 200000)] (str i " 0 "))))
(println (try (read-string (str "{" entries "17 1}")) (catch Exception e (ex-message e))))
(println (try (read-string (str "#{" (apply str (interpose " " (range 200000))) " 17}"))
              (catch Exception e (ex-message e))))
(println (try (read-string "{:a 1 :b 2 :b 3 :a 4}") (catch Exception e (ex-message e))))
(println (try (read-string "{:a 1 :b 2 :b 3 :a 4 :c 5 :d 6 :e 7 :f 8 :g 9}") (catch Exception e (ex-message e))))
(println (try (read-string "#{:a :b :b :a}") (catch Exception e (ex-message e))))
