;; Where a reader conditional is not allowed: read without an options map, and EDN
;; (clojure.edn/read-string and clojure.edn/read have no #? at all).
(require '[clojure.edn :as edn])
(defn rdr [s] (java.io.PushbackReader. (java.io.StringReader. s)))
(defn try-read [f]
  (try (pr-str (f)) (catch Exception e (str "error: " (ex-message e)))))
(doseq [s ["#?(:clj 1 :cljs 2)" "[1 #?@(:clj [2 3])]" "(a #?(:default :d))"]]
  (println "read      " (try-read #(read (rdr s))))
  (println "read opts " (try-read #(read {:read-cond :allow} (rdr s))))
  (println "read pres " (try-read #(read {:read-cond :preserve} (rdr s))))
  (println "edn string" (try-read #(edn/read-string s)))
  (println "edn read  " (try-read #(edn/read (rdr s)))))
(println "after an error the stream goes on:" (let [r (rdr "#?(:clj 1) 2")] [(try-read #(read r)) (try-read #(read r))]))
