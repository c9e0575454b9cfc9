;; Keywords and symbols whose namespace is the empty string: (keyword "" "a") is :/a,
;; distinct from :a, and namespace returns "".
(defmacro show [& forms]
  `(do ~@(for [f forms]
           `(println '~f "=>" (try (pr-str ~f)
                                   (catch Exception e# (str "threw " (.getSimpleName (class e#)))))))))
(show (keyword "" "a") (symbol "" "a") (namespace (keyword "" "a")) (namespace (symbol "" "a"))
      (name (keyword "" "a")) (name (symbol "" "a")) (str (keyword "" "a")) (str (symbol "" "a"))
      (print-str (keyword "" "a")) (print-str [(symbol "" "a")])
      (= (keyword "" "a") :a) (= (symbol "" "a") 'a) (= (keyword "" "a") (keyword "" "a"))
      (identical? (keyword "" "a") (keyword "" "a")) (= (symbol "" "a") (symbol "" "a"))
      (keyword (symbol "" "a")) (namespace (keyword (symbol "" "a"))) (symbol (keyword "" "a"))
      (namespace (symbol (keyword "" "a")))
      (keyword "a") (keyword nil "a") (symbol nil "a") (namespace :a) (namespace 'a)
      (qualified-keyword? (keyword "" "a")) (simple-keyword? (keyword "" "a"))
      (qualified-symbol? (symbol "" "a")) (simple-symbol? (symbol "" "a"))
      (= (hash (keyword "" "a")) (hash :a)) (= (hash (symbol "" "a")) (hash 'a))
      (compare (keyword "" "a") :a) (compare :a (keyword "" "a")) (compare (symbol "" "b") 'a)
      (sort [(symbol "" "b") 'a 'c]) (keyword "" "") (symbol "" "")
      (find-keyword "" "a") (find-keyword "" "never-made") ({(keyword "" "a") 1} :a)
      ({(keyword "" "a") 1} (keyword "" "a")) (get #{(symbol "" "a")} 'a)
      (with-meta (symbol "" "a") {:m 1}) (meta (with-meta (symbol "" "a") {:m 1}))
      (namespace (with-meta (symbol "" "a") {:m 1}))
      (= (with-meta (symbol "" "a") {:m 1}) (symbol "" "a"))
      (count (distinct [:a (keyword "" "a") (keyword "" "a") (keyword "b" "a")]))
      ((keyword "" "a") {(keyword "" "a") 2 :a 3}))
(doseq [s ["/a" "a/" "/" "a/b/c" "//" "a//b" "/a/b" "a"]]
  (let [y (symbol s) k (keyword s)]
    (println (pr-str s) "sym" (pr-str y) (pr-str (namespace y)) (pr-str (name y))
             "kw" (pr-str k) (pr-str (namespace k)) (pr-str (name k)) (= y (symbol "" "a")) (= k (keyword "" "a")))))
