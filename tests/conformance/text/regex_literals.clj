;; A #"..." literal is read as a java.util.regex.Pattern, not as a call: quoted, read
;; with read-string, seen by a macro, inside syntax-quote and inside data, it is a
;; Pattern; each evaluation of one literal gives the same object. clojure.edn has no
;; regex literal; a pattern that does not compile fails when it is read.
(require 'clojure.edn 'clojure.walk)
(defn show-error [f]
  (try (f) (catch Exception e (str (.getSimpleName (class e)) ": " (ex-message e)))))
(println (pr-str '#"a\d"))
(println (instance? java.util.regex.Pattern '#"a"))
(println (instance? java.util.regex.Pattern (read-string "#\"a\"")))
(println (pr-str (read-string "[#\"x+\" 1]")))
(let [f (fn [] #"abc")] (println (identical? (f) (f))))
(println (re-find #"b+" "abbbc"))
(println (pr-str `(foo #"a")))
(println (= #"a" #"a"))
(defmacro pattern-arg? [x] (instance? java.util.regex.Pattern x))
(println (pattern-arg? #"a"))
(defmacro arg-source [x] (.pattern x))
(println (arg-source #"a\s+b"))
(println (show-error #(read-string "#\"(\"")))
(println (show-error #(clojure.edn/read-string "#\"a\"")))
(println (pr-str (clojure.walk/postwalk identity [#"q"])))
(println (pr-str (macroexpand '(re-find #"a" s))))
(println (case "x" "x" #"y" 2))
(println (map #(re-matches #"(\w)(\d)" %) ["a1" "bb"]))
(println (pr-str {:pattern #"[a-z]+"}))
(println (pr-str (eval (read-string "#\"tab\\there\""))))
