;; pprint and cl-format with text outside ASCII: widths count as the JVM counts them
;; (a character outside the Basic Multilingual Plane takes two columns).
(require '[clojure.pprint :as pp])

(pp/pprint (vec (repeat 12 "héllo wörld ñ")))
(pp/pprint (vec (repeat 12 "日本語テキスト")))
(pp/pprint (vec (repeat 12 "😀😀")))
(pp/pprint {:emoji "🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉" :text "plain text to push the line past the margin"})
(binding [pp/*print-right-margin* 20]
  (pp/pprint [:😀 :ok "𝄞 clef" \é "ü"]))
(pp/cl-format true "~10a|~%" "ñandú")
(pp/cl-format true "~10a|~%" "😀x")
(pp/cl-format true "~10@a|~%" "𝄞")
(pp/cl-format true "~20<~a~;~a~>|~%" "😀😀" "é")
