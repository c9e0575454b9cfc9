;; Clove's strings are UTF-8 only (docs/differences.md, Interop): .getBytes and the
;; String constructor accept a charset that names UTF-8 in any case, with or without
;; the dash, and refuse any other with an IOException (Java's
;; UnsupportedEncodingException is one). The JVM would encode ISO-8859-1, so the
;; expectations are recorded from utf8_charsets.jvm.clj, which states that behaviour.
(defn attempt [f]
  (try (f) (catch java.io.IOException e (str "IOException: " (ex-message e)))))
(println (vec (.getBytes "é" "utf8")) (vec (.getBytes "é" "UTF-8")))
(println (String. (.getBytes "héllo") "Utf-8"))
(println (attempt #(vec (.getBytes "é" "ISO-8859-1"))))
(println (attempt #(String. (.getBytes "abc") "latin1")))
