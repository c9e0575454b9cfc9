;; clojure.java.shell/sh: exit status, stdout, stderr, :in and :dir.
(require '[clojure.java.shell :refer [sh]])
(prn (sh "echo" "hello"))
(prn (sh "sh" "-c" "echo out; echo err >&2; exit 3"))
(prn (:out (sh "cat" :in "piped input")))
(prn (:out (sh "pwd" :dir "/")))
(prn (:exit (sh "false")))
(prn (count (:out (sh "head" "-c" "200000" "/dev/zero"))))
