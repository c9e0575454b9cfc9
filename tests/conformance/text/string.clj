;; clojure.string: every function, with edge cases recorded from JVM Clojure.
(defn t [f]
  (try (prn (f))
       (catch Exception e
         (let [c (pr-str (type e))]
           ;; JVM cast and null messages name JVM internals: compare the class only.
           (if (#{"java.lang.ClassCastException" "java.lang.NullPointerException"} c)
             (println "ERR" c)
             (println "ERR" c (pr-str (ex-message e))))))))

;; blank? capitalize upper-case lower-case
(t #(clojure.string/blank? nil))
(t #(clojure.string/blank? ""))
(t #(clojure.string/blank? " \t\n\r "))
(t #(clojure.string/blank? " x "))
(t #(clojure.string/capitalize "hELLO wORLD"))
(t #(clojure.string/capitalize ""))
(t #(clojure.string/capitalize "a"))
(t #(clojure.string/capitalize "éCOLE"))
(t #(clojure.string/upper-case "straße ﬁx"))
(t #(clojure.string/lower-case "ΟΔΟΣ ΣΑΣ"))
(t #(clojure.string/upper-case "abc-ÿ"))
(t #(clojure.string/lower-case "ABC İ"))
(t #(clojure.string/upper-case :kw))
(t #(clojure.string/upper-case nil))
(t #(clojure.string/upper-case 1))

;; starts-with? ends-with? includes?
(t #(clojure.string/starts-with? "hello" "he"))
(t #(clojure.string/starts-with? "hello" ""))
(t #(clojure.string/ends-with? "hello" "lo"))
(t #(clojure.string/ends-with? "hello" "hello!"))
(t #(clojure.string/includes? "hello" "ll"))
(t #(clojure.string/includes? "hello" "x"))
(t #(clojure.string/includes? "hello" \l))
(t #(clojure.string/starts-with? nil "a"))

;; index-of last-index-of
(t #(clojure.string/index-of "hello" "l"))
(t #(clojure.string/index-of "hello" \l))
(t #(clojure.string/index-of "hello" "l" 3))
(t #(clojure.string/index-of "hello" "z"))
(t #(clojure.string/index-of "hello" "" 10))
(t #(clojure.string/index-of "hello" "h" -5))
(t #(clojure.string/last-index-of "hello" "l"))
(t #(clojure.string/last-index-of "hello" \l 2))
(t #(clojure.string/last-index-of "hello" "" 10))
(t #(clojure.string/last-index-of "hello" "h" -1))
(t #(clojure.string/index-of "héllo wörld" "w"))
(t #(clojure.string/index-of "hello" 1))

;; join
(t #(clojure.string/join [1 2 3]))
(t #(clojure.string/join ", " [1 nil "a" :b \c]))
(t #(clojure.string/join \- "abc"))
(t #(clojure.string/join ", " []))
(t #(clojure.string/join nil))

;; trim family
(t #(clojure.string/trim "  \t hi there \n "))
(t #(clojure.string/triml "  hi  "))
(t #(clojure.string/trimr "  hi  "))
(t #(clojure.string/trim "\u2003hi\u2003"))
(t #(clojure.string/trim "\u00a0hi\u00a0"))
(t #(clojure.string/trim-newline "hi\r\n\n"))
(t #(clojure.string/trim-newline "hi \n x\n"))
(t #(clojure.string/trim ""))

;; reverse escape re-quote-replacement
(t #(clojure.string/reverse "héllo"))
(t #(clojure.string/reverse ""))
(t #(clojure.string/escape "I <3 \"you\"" {\< "&lt;" \> "&gt;" \" "&quot;"}))
(t #(clojure.string/escape "abc" {\a 1 \b nil}))
(t #(clojure.string/re-quote-replacement "$1 \\ x"))

;; replace
(t #(clojure.string/replace "hello world" "o" "0"))
(t #(clojure.string/replace "abc" "" "-"))
(t #(clojure.string/replace "aaa" "aa" "b"))
(t #(clojure.string/replace "hello" \l \L))
(t #(clojure.string/replace "hello world" #"o(.)" "0$1$1"))
(t #(clojure.string/replace "hello world" #"(?<v>[aeiou])" "<${v}>"))
(t #(clojure.string/replace "hello" #"l" "\\$"))
(t #(clojure.string/replace "a-b-c" #"-" "$"))
(t #(clojure.string/replace "a-b-c" #"-" "$2"))
(t #(clojure.string/replace "a1b22c333" #"\d+" (fn [m] (str (count m)))))
(t #(clojure.string/replace "a1b2" #"([a-z])(\d)" (fn [m] (str (nth m 2) (nth m 1)))))
(t #(clojure.string/replace "abc" #"x*" "-"))
(t #(clojure.string/replace "abc" #"b" (fn [_] "$1")))
(t #(clojure.string/replace "abc" "b" "$1"))
(t #(clojure.string/replace "abc" 1 "x"))
(t #(clojure.string/replace "abc" \b "x"))
(t #(clojure.string/replace "ab12" #"(a)|(\d)" "[$1$2]"))
(t #(clojure.string/replace "one two" #"(\w+) (\w+)" "$2 $1"))
(t #(clojure.string/replace "x" #"x" "$11"))

;; replace-first
(t #(clojure.string/replace-first "hello" "l" "L"))
(t #(clojure.string/replace-first "hello" \l \L))
(t #(clojure.string/replace-first "hello" \z \L))
(t #(clojure.string/replace-first "hello world" #"o(.)" "[$1]"))
(t #(clojure.string/replace-first "hello" #"l+" clojure.string/upper-case))
(t #(clojure.string/replace-first "hello" #"z" "x"))
(t #(clojure.string/replace-first "hello" "z" "x"))

;; split split-lines
(t #(clojure.string/split "a,b,,c,," #","))
(t #(clojure.string/split "a,b,,c,," #"," -1))
(t #(clojure.string/split "a,b,,c,," #"," 2))
(t #(clojure.string/split "abc" #""))
(t #(clojure.string/split "" #","))
(t #(clojure.string/split " a  b " #"\s+"))
(t #(clojure.string/split "a1b2c3" #"\d" 2))
(t #(clojure.string/split ",a" #","))
(t #(clojure.string/split ",,," #","))
(t #(clojure.string/split-lines "one\ntwo\r\nthree\n\n"))
(t #(clojure.string/split-lines ""))
(t #(clojure.string/split "héllo wörld" #"ö"))

;; subs
(t #(subs "hello" 1))
(t #(subs "hello" 1 3))
(t #(subs "héllo" 1 2))
(t #(subs "abc" 5))
(t #(subs "abc" 1 0))
(t #(subs "abc" -1 2))
(t #(subs "abc" 0 4))
(t #(subs "abc" 3))
