;; Matcher.start/.end (of the match and of a group), Class.isArray, and
;; System/identityHashCode.
(defmacro show [& forms]
  `(do ~@(for [f forms]
           `(println '~f "=>" (try (pr-str ~f)
                                   (catch Exception e# (str "threw " (.getSimpleName (class e#)))))))))
(def m (re-matcher #"(a+)(x)?(b+)" "zzaabbb aaab"))
(show (.find m) (.start m) (.end m) (.group m) (.start m 1) (.end m 1) (.start m 2) (.end m 2)
      (.start m 3) (.end m 3) (.start m 4) (.end m -1)
      (.find m) (.start m) (.end m 0) (.group m 3) (.start m 3)
      (.find m) (.start m))
(def b-matcher (re-matcher (re-pattern "b") "abc"))
(show (.start b-matcher) (.end b-matcher 0))
(let [m (re-matcher #"(\d+)-(\d+)" "tel 12-345")]
  (show (when (.find m) [(.start m 1) (.end m 1) (.start m 2) (.end m 2) (subs "tel 12-345" (.start m 2) (.end m 2))])))
(let [m (re-matcher #"é+" "aéé!")]
  (show (when (.find m) [(.start m) (.end m)])))
(show (.isArray (class (long-array 1))) (.isArray (class (object-array 1))) (.isArray (class [1]))
      (.isArray (class 1)) (.isArray (class (into-array String ["a"]))) (.isArray (class (make-array Long/TYPE 2 2))))
(def o (atom 1))
(def v [1 2])
(show (= (System/identityHashCode o) (System/identityHashCode o))
      (int? (System/identityHashCode o)) (System/identityHashCode nil)
      (= (System/identityHashCode v) (System/identityHashCode v))
      (= (System/identityHashCode (reify)) (System/identityHashCode (reify))))
(def r (reify))
(show (= (hash r) (System/identityHashCode r)))
