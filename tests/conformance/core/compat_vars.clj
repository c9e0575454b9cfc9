;; clojure.core vars kept for JVM code: the compiler's dynamic vars, munge, cast,
;; vector-of, seque, struct maps, definline, load-reader, print-simple,
;; default-data-readers, uri?.
(prn *allow-unresolved-vars* *compile-path* *compiler-options* *fn-loader* *reader-resolver* *suppress-read* *use-context-classloader*)
(prn (munge "a-b?c") (munge 'foo-bar!) (munge "a.b/c") (munge "<*>") (namespace-munge 'my-ns.core) (namespace-munge "a-b"))
(prn (cast Long 1) (try (cast String 1) (catch ClassCastException e :cce)) (cast Number nil))
(prn (vector-of :int 1 2 3) (conj (vector-of :long) 1) (vector-of :double 1 2) (vector? (vector-of :int)))
(prn (try (vector-of :int "a") (catch ClassCastException e :cce)) (try (vector-of :foo 1) (catch IllegalArgumentException e :iae)))
(prn (take 3 (seque (range))) (seque 5 [1 2 3]))
(defstruct point :x :y)
(prn (struct point 1 2) (struct-map point :y 3 :z 4) ((accessor point :x) (struct point 5 6)) (struct point 1))
(prn (map? (struct point 1 2)) (:y (struct-map point :x 1)))
(prn (load-reader (java.io.StringReader. "(+ 1 2) (* 3 4)")))
(prn (with-out-str (print-simple [1 "a"] *out*)))
(prn (sort (keys default-data-readers)) ((get default-data-readers 'uuid) "00000000-0000-0000-0000-000000000001") (uri? "x"))
(definline twice [x] `(* 2 ~x))
(prn (twice 4) (map twice [1 2]) (fn? (:inline (meta #'twice))))
