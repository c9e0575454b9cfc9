(defn risky [n]
  (let [half (/ n 2)]
    (throw (ex-info "too risky" {:n n :half half}))))

(println "before")
(risky 10)
