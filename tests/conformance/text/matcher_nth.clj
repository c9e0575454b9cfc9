;; nth on a regex Matcher gives the groups of its last match, as RT.nth does.
(def m (re-matcher #"(a)(x)?(b)" "ab ab"))
(println (try (nth m 0) (catch IllegalStateException e (.getMessage e))))
(re-find m)
(prn (nth m 0) (nth m 1) (nth m 2) (nth m 3) (nth m 4 :nf) (nth m 9 :nf))
(prn (try (nth m 4) (catch IndexOutOfBoundsException e (.getMessage e))))
(prn (try (nth m -1) (catch IndexOutOfBoundsException e (.getMessage e))))
(re-find m)
(prn (nth m 0) (nth m 3))
