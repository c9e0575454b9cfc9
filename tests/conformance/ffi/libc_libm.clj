;; C functions from libm and libc through clove.ffi: numbers, strings, pointers,
;; buffers, structs by value, and the errors for bad declarations and arguments.
(require '[clove.ffi :as ffi])

(def c-sqrt (ffi/fn "libm.so.6" "sqrt" :double [:double]))
(def c-pow (ffi/fn "libm.so.6" "pow" :double [:double :double]))
(def c-floorf (ffi/fn "libm.so.6" "floorf" :float [:float]))
(println (c-sqrt 2.0) (c-sqrt 16) (c-pow 2 10) (c-floorf 2.75))

;; nil: the symbols already in the process (libc).
(def c-abs (ffi/fn nil "abs" :int [:int]))
(def c-labs (ffi/fn nil "labs" :long [:long]))
(def c-strlen (ffi/fn nil "strlen" :size [:string]))
(def c-toupper (ffi/fn nil "toupper" :int [:int]))
(println (c-abs -42) (c-labs -9000000000) (c-strlen "hello") (c-strlen "héllo") (char (c-toupper (int \a))))

;; Strings out, and NULL as nil.
(def c-strchr (ffi/fn nil "strchr" :string [:string :int]))
(println (pr-str (c-strchr "key=value" (int \=))) (pr-str (c-strchr "key" (int \=))))
(def c-getenv (ffi/fn nil "getenv" :string [:string]))
(println (c-getenv "CLOVE_SURELY_NOT_SET_ANYWHERE"))

;; A primitive array passed as :pointer is C's buffer.
(def c-memset (ffi/fn nil "memset" :pointer [:pointer :int :size]))
(def buf (byte-array 5))
(c-memset buf 7 3)
(println (vec buf))
(def c-snprintf3 (ffi/fn nil "snprintf" :int [:pointer :size :string]))
(def out (byte-array 16))
(println (c-snprintf3 out 16 "abc") (apply str (map char (take-while pos? out))))

;; Structs by value: div_t div(int, int) and ldiv_t ldiv(long, long).
(def c-div (ffi/fn nil "div" [:struct :int :int] [:int :int]))
(def c-ldiv (ffi/fn nil "ldiv" [:struct :long :long] [:long :long]))
(println (c-div 7 2) (c-div -7 2) (c-ldiv 10000000000 3))

;; The functions are ordinary Clove functions.
(println (map c-sqrt [1 4 9]) (reduce + (map c-abs [-1 -2 3])))

;; Errors.
(defn err [f] (try (f) (catch Throwable e [(symbol (last (clojure.string/split (str (class e)) #"[.]"))) (ex-message e)])))
(println (err #(ffi/fn "libsurely-not-there.so" "f" :int [])))
(println (err #(ffi/fn nil "surely_not_a_symbol_anywhere" :int [])))
(println (err #(ffi/fn nil "abs" :integer [:int])))
(println (err #(ffi/fn nil "abs" :int [:void])))
(println (err #(ffi/fn nil "abs" :int :int)))
(println (err #(c-abs "x")))
(println (err #(c-abs 1 2)))
(println (err #(c-sqrt :k)))
(println (err #(c-strlen 5)))
(println (err #(c-div [1 2] 3)))
