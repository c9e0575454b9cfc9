;; Bad listings are an IllegalArgumentException naming the line, never a crash.
(require '[clove.asm :as a])

(defn try-asm [text]
  (try (a/asm text) :assembled
       (catch IllegalArgumentException e (println (ex-message e)))))

(def header "fn bad  arities=1  upvals=0\narity bad [1]  framesize=2  constants=0\n")

(try-asm "garbage")
(try-asm "")
(try-asm (str header "     0  FROB      0 0\n"))
(try-asm (str header "     0  LOADK     0\n"))
(try-asm (str header "     0  MOVE      256 0 0\n"))
(try-asm (str header "     0  MOVE      7 0 0\n     1  RET       0\n"))
(try-asm (str header "     0  JMP       5\n     1  RET       0\n"))
(try-asm (str header "     0  LOADK     0 0\n     1  RET       0\n"))
(try-asm (str header "     0  MOVE      1 0 0\n"))
(try-asm (str header "     0  RET       0\n  constants:\n    k0  (1 2\n"))
(try-asm (str header "     0  RET       0\n  locals:\n    x  r9  [0, 1)\n"))
(println (a/disasm (a/asm (str header "     0  RET       0\n"))))
(try (a/disasm +) (catch IllegalArgumentException e (println (ex-message e))))
