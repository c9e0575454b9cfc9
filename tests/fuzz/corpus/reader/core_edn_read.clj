;; clojure.edn/read-string: data with tag readers given per call, and core
;; read-string's :eof option.
(require '[clojure.edn :as edn])
(println (edn/read-string "{:a [1 2.5 \"s\" \\c nil true] :b #{x/y :k/w} :c (1 2)}"))
(println (edn/read-string "") (edn/read-string nil) (edn/read-string "  ; only a comment\n")
         (edn/read-string {:eof :done} "") (edn/read-string "1 2"))
(println (try (edn/read-string {} "") (catch Exception e (ex-message e))))
(println (try (edn/read-string "[1 2") (catch Exception e (ex-message e))))
(println (edn/read-string {:readers {'my/point (fn [[x y]] {:x x :y y})}} "#my/point [1 2]"))
(println (edn/read-string {:default (fn [tag v] [:tagged tag v])} "#other/thing {:a 1}"))
(println (try (edn/read-string "#unknown/tag 1") (catch Exception e (ex-message e))))
(binding [*data-readers* {'my/point (fn [v] :global)}]
  (println (try (edn/read-string "#my/point [1 2]") (catch Exception e (ex-message e))))
  (println (read-string "#my/point [1 2]")))
(println (edn/read-string "#inst \"2020-01-02T03:04:05.000-00:00\"")
         (edn/read-string "#uuid \"b0b6bd7c-1f67-4d4a-9e28-3a3e51b7f0e1\""))
(println (read-string {:eof :end} "") (read-string {:eof nil} "  ") (read-string {} "42")
         (try (read-string {} "") (catch Exception e (ex-message e))))
(println (map edn/read-string ["1N" "1.5M" "-7" "1/2" "\"a\\nb\"" ":ns/kw" "sym" "##NaN" "0x10"]))
