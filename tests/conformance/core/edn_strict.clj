;; clojure.edn reads EDN's grammar where it is stricter than Clojure's: no
;; auto-resolved keywords, no #! comments.
(require '[clojure.edn :as edn])
(defmacro t [form]
  `(println '~form "=>"
            (try (pr-str ~form)
                 (catch Throwable e# (str (pr-str (type e#)) ": " (.getMessage e#))))))
(t (edn/read-string "::foo"))
(t (edn/read-string "[1 ::foo]"))
(t (edn/read-string "#!foo\n1"))
(t (edn/read-string ":a/b"))
(t (edn/read-string {:eof :done} ""))
(t (edn/read (java.io.PushbackReader. (java.io.StringReader. "::x"))))
(t (read-string "::foo"))
(t (read-string "#!foo\n1"))
