;; With *print-readably* bound to false, pr, prn, pr-str and prn-str print as print does:
;; strings without quotes or escapes, characters bare, inside collections too.
(binding [*print-readably* false]
  (pr "a\"b" \c [\d "e\nf"] {:k "v"} #{"s"} '("l"))
  (newline)
  (prn "x" \y)
  (println (pr-str "p" \q ["r"]))
  (print (prn-str "n" [\m])))
(prn "readable again" \z)
(println (pr-str (binding [*print-readably* false] (pr-str "inner")) "outer"))
