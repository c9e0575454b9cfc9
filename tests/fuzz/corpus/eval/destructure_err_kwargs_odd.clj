;; Keyword arguments: an odd trailing element must be a map (Clojure 1.11), else the
;; call fails at run time.
(defn f [& {:keys [a] :as m}] [a m])
(prn (f :a 1) (f :a 1 {:a 2}) (f :a 1 nil) (f {:a 3}))
(prn (try (f :a 1 :b) (catch IllegalArgumentException e (ex-message e))))
(f :a 1 :b)
