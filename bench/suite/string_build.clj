;; string_build: make N small strings "k<i>=<7i>" with str and join them with ";"
;; into one string.
;; Usage: clove run string_build.clj [N]   (default 500000); prints the length and
;; the 16 characters from the middle.
(require '[clojure.string :as string])

(let [n (if-let [a (first *command-line-args*)] (parse-long a) 500000)
      s (string/join ";" (map (fn [i] (str "k" i "=" (* i 7))) (range n)))
      mid (quot (count s) 2)]
  (println (count s) (subs s mid (+ mid 16))))
