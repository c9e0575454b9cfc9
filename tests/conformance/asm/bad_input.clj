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
;; PFN assembled by hand: a register that holds no protocol, or a method index past the
;; protocol's methods, is an IllegalArgumentException when it runs; a good one dispatches.
(defprotocol Named (label [x]))
(extend-protocol Named String (label [s] (str "s:" s)))
(def pfn-header "fn pfn  arities=1  upvals=0\narity pfn [2]  framesize=3  constants=0\n")
(let [f (a/asm (str pfn-header "     0  MOVE      2 0 0\n     1  PFN       2 1 0\n     2  RET       2\n"))]
  (println ((f Named "x") "x"))
  (try (f 42 "x") (catch IllegalArgumentException e (println (ex-message e))))
  (try (f Named 1.5) (catch IllegalArgumentException e (println (ex-message e)))))
(let [f (a/asm (str pfn-header "     0  MOVE      2 0 0\n     1  PFN       2 1 7\n     2  RET       2\n"))]
  (try (f Named "x") (catch IllegalArgumentException e (println (ex-message e)))))
;; NTHD assembled by hand: R[A] holds the not-found value; a vector in range answers,
;; anything else is the nth native's (its not-found value, or its error).
(def nthd-f (a/asm (str "fn nthd  arities=1  upvals=0\narity nthd [3]  framesize=3  constants=0\n"
                        "     0  NTHD      2 0 1\n     1  RET       2\n")))
(println (nthd-f [1 2 3] 1 :nf) (nthd-f [1 2 3] 7 :nf) (nthd-f nil 0 :nf) (nthd-f (range 5) 4 :nf))
(try (nthd-f {:a 1} 0 :nf) (catch UnsupportedOperationException e (println (ex-message e))))
;; NTHI assembled by hand: C is the index itself (0..255), the not-found value nil; A may
;; be B (the collection's register takes the element).
(def nthi-f (a/asm (str "fn nthi  arities=1  upvals=0\narity nthi [1]  framesize=2  constants=0\n"
                        "     0  NTHI      1 0 2\n     1  NTHI      0 0 255\n     2  RET       1\n")))
(def nthi-g (a/asm (str "fn nthi-g  arities=1  upvals=0\narity nthi-g [1]  framesize=1  constants=0\n"
                        "     0  NTHI      0 0 255\n     1  RET       0\n")))
(println (nthi-f [1 2 3]) (nthi-f [1]) (nthi-f nil) (nthi-f (range 5)) (nthi-f "abc") (nthi-g (vec (range 300))) (nthi-g [1]))
(try (nthi-f {:a 1}) (catch UnsupportedOperationException e (println (ex-message e))))
(try (nthi-f 42) (catch UnsupportedOperationException e (println (ex-message e))))
;; CONJ assembled by hand: R[A] is the collection and takes the result.
(def conj-f (a/asm (str "fn conj-f  arities=1  upvals=0\narity conj-f [2]  framesize=2  constants=0\n"
                        "     0  CONJ      0 1 0\n     1  RET       0\n")))
(println (conj-f [1] 2) (conj-f nil 1) (conj-f #{} :a) (conj-f {} [:k :v]))
(try (conj-f 42 1) (catch ClassCastException e (println (ex-message e))))
;; LEAFCALL assembled by hand: K[C] names a var holding a leaf native (no frame); a var
;; holding anything else, or a constant that is no var, is called as CALL calls it.
(defn leaf-f [k] (a/asm (str "fn leaf  arities=1  upvals=0\narity leaf [1]  framesize=2  constants=1\n"
                             "     0  LEAFCALL  1 0 0\n     1  RET       1\n  constants:\n    k0  " k "\n")))
(def not-a-leaf (fn [x] [:closure x]))
(println ((leaf-f "#'clojure.core/pos?") 3) ((leaf-f "#'user/not-a-leaf") 3) ((leaf-f ":k") {:k 9})
         ((leaf-f "#'clojure.core/vec") '(1 2)))
(try ((leaf-f "42") 1) (catch ClassCastException e (println (ex-message e))))
(try ((leaf-f "#'clojure.core/pos?") "x") (catch ClassCastException e (println (ex-message e))))
