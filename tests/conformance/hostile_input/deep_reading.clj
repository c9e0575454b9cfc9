;; Text nested 1,000,000 levels deep read by read-string and clojure.edn/read-string:
;; each reads it or throws a catchable error (Clove stops at "Forms nested too deeply",
;; the JVM may overflow its stack), never crashes; the program goes on afterwards.
;; labels: slow
(require '[clojure.edn :as edn])

(def n 1000000)
(defn nested [open close] (str (apply str (repeat n open)) "1" (apply str (repeat n close))))

(defmacro survives
  "true when expr returns or throws (any Throwable)."
  [expr]
  `(try (some? ~expr) (catch Throwable _# true)))

(doseq [[label open close] [["vector" "[" "]"] ["list" "(" ")"] ["map" "{:a " "}"] ["set" "#{" "}"]
                            ["meta" "^{:m " "} x"] ["quote" "'" ""] ["deref" "@" ""]
                            ["discard" "#_ " ""] ["tagged" "#inst " ""]]]
  (let [text (nested open close)]
    (println label (survives (read-string text)) (survives (edn/read-string text)))))

;; Still usable afterwards.
(println (read-string "[1 (2 #{3})]") (edn/read-string "{:a [1]}"))
(println "done")
