;; pprint and write with *print-readably* false: strings print raw, and a newline inside
;; one goes through the pretty writer's line handling as on the JVM.
(require '[clojure.pprint :as pp :refer [pprint]])

(binding [*print-readably* false]
  (pprint ["line1\nline2 is longer" "x" {:k "multi\nline\nvalue"} (apply str (repeat 30 "ab "))])
  (pprint "plain \"string\"")
  (pprint [\a \space "s"])
  (pprint {:text "a\nb" :list (range 30)}))
(pp/write ["raw \"s\"" \c] :readably false)
(println)
(pp/write ["raw \"s\"" \c])
(println)
(pprint ["trailing   " "  " " lead"])
