;; The JVM variant of utf8_charsets.clj: the UTF-8 cases run as they are; the other
;; charsets print the error Clove gives (the JVM would encode them).
(println (vec (.getBytes "é" "utf8")) (vec (.getBytes "é" "UTF-8")))
(println (String. (.getBytes "héllo") "Utf-8"))
(println "IOException: Unsupported charset: ISO-8859-1 (Clove's strings are UTF-8)")
(println "IOException: Unsupported charset: latin1 (Clove's strings are UTF-8)")
