;; System/exit ends the program with the given status, after flushing output.
(println "before exit")
(System/exit 7)
(println "never printed")
