;; *print-level* and *print-length* count through records and tagged literals as on the JVM
;; (a record is one level; its fields print as a map).
(defrecord R [a b])
(prn (binding [*print-level* 1] (pr-str [(->R [1] 2)])))
(prn (binding [*print-level* 2] (pr-str [(->R [1] 2)])))
(prn (binding [*print-length* 1] (pr-str (->R 1 2))))
(prn (binding [*print-level* 1] (pr-str [(tagged-literal 'foo [1])])))
(prn (binding [*print-level* 2] (pr-str [(tagged-literal 'foo [1])])))
(prn (binding [*print-level* 1] (pr-str {:r (->R 1 2)})))
(prn (binding [*print-level* 2 *print-length* 1] (pr-str [(->R {:x 1} 2)])))
