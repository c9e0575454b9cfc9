;; read-string errors are RuntimeExceptions with the bare message, as on the JVM.
(println (try (read-string "(1 2") (catch Exception e [(class e) (ex-message e)])))
(println (try (read-string "#foo 1") (catch Exception e [(class e) (ex-message e)])))
(println (try (read-string "") (catch Exception e [(class e) (ex-message e)])))
