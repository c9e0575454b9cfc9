;; An error thrown from a protocol method escapes with its class and message.
(defprotocol P (m [x]))
(println "before")
(m 42)
(println "not reached")
