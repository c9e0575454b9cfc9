;; lazy-ns: clojure.pprint.cl-format
;; 22_pprint_cl_format.clj: clojure.pprint's cl-format (SPEC L16, L17), Common Lisp's
;; format as Clojure's clojure/pprint/cl_format.clj (Tom Faulhaber) implements it, loaded
;; by 21_pprint.clj with (load "/clojure/pprint/cl_format"), not by its own name. A format
;; string compiles to a vector of directives, each a map of its function, its definition
;; in directive-table and its parameters (values paired with their offsets in the string,
;; for error messages); bracket directives (~[ ~{ ~< ~() hold their clauses. Running a
;; format threads an argument navigator ({:seq :rest :pos}) through the directives; ~^
;; stops a clause by returning [:up-arrow navigator].

(in-ns 'clojure.pprint)

;; ---- cl-format: errors and the argument navigator ----

(def ^:dynamic ^:private *format-str* nil)

(defn- format-error
  "Throws RuntimeException with message, the format string and a caret under offset."
  [message offset]
  (throw (RuntimeException.
          (str message \newline *format-str* \newline (spaces offset) "^" \newline))))

(defn- init-navigator
  "A navigator over the arguments s, at position 0."
  [s]
  (let [s (seq s)]
    {:seq s :rest s :pos 0}))

(defn- next-arg [navigator]
  (if-let [rst (:rest navigator)]
    [(first rst) {:seq (:seq navigator) :rest (next rst) :pos (inc (:pos navigator))}]
    (throw (Exception. "Not enough arguments for format definition"))))

(defn- next-arg-or-nil [navigator]
  (if-let [rst (:rest navigator)]
    [(first rst) {:seq (:seq navigator) :rest (next rst) :pos (inc (:pos navigator))}]
    [nil navigator]))

(declare compile-format relative-reposition)

(defn- get-format-arg
  "The next argument as a compiled format (a string argument is compiled)."
  [navigator]
  (let [[raw-format navigator] (next-arg navigator)]
    [(if (string? raw-format) (compile-format raw-format) raw-format) navigator]))

(defn- absolute-reposition [navigator position]
  (if (>= position (:pos navigator))
    (relative-reposition navigator (- (:pos navigator) position))
    {:seq (:seq navigator) :rest (seq (drop position (:seq navigator))) :pos position}))

(defn- relative-reposition [navigator position]
  (let [newpos (+ (:pos navigator) position)]
    (if (neg? position)
      (absolute-reposition navigator newpos)
      {:seq (:seq navigator) :rest (seq (drop position (:rest navigator))) :pos newpos})))

(defn- realize-parameter-list
  "The parameters of a directive with v (next argument) and # (arguments left) filled
  in, in the order they are stored: [values-map offsets-map navigator]."
  [params navigator]
  (loop [params (seq params) navigator navigator vals {} offsets {}]
    (if params
      (let [[param [raw offset]] (first params)
            [v navigator] (cond
                            (or (= param :at) (= param :colon)) [raw navigator]
                            (= raw :parameter-from-args) (next-arg navigator)
                            (= raw :remaining-arg-count) [(count (:rest navigator)) navigator]
                            :else [raw navigator])]
        (recur (next params) navigator (assoc vals param v) (assoc offsets param offset)))
      [vals offsets navigator])))

(defn- abort? [context]
  (and (vector? context)
       (let [token (first context)]
         (or (= :up-arrow token) (= :colon-up-arrow token)))))

(defn- run-directive
  "Runs one compiled directive over the navigator context; base-args is the navigator
  of the enclosing iteration (::current at top level: the directive's own)."
  [element context base-args]
  (if-let [s (:string element)]
    (do (print s) context)
    (let [[params offsets context] (realize-parameter-list (:params element) context)
          params (assoc params :base-args (if (= base-args ::current) context base-args))]
      ((:func element) params context offsets))))

(defn- execute-sub-format
  "Runs the compiled directives of format over the navigator args; returns the
  navigator, or [:up-arrow navigator] / [:colon-up-arrow navigator] after ~^."
  [format args base-args]
  (loop [format (seq format) context args]
    (if (and format (not (abort? context)))
      (recur (next format) (run-directive (first format) context base-args))
      context)))

;; ---- ~A ~S ----

(defn- format-ascii [print-func params arg-navigator offsets]
  (let [[arg arg-navigator] (next-arg arg-navigator)
        base-output (or (format-simple-number arg) (print-func arg))
        base-width (count base-output)
        min-width (+ base-width (:minpad params))
        width (if (>= min-width (:mincol params))
                min-width
                (+ min-width
                   (* (inc (quot (- (:mincol params) min-width 1) (:colinc params)))
                      (:colinc params))))
        chars (repeat-str (- width base-width) (:padchar params))]
    (if (:at params)
      (print (str chars base-output))
      (print (str base-output chars)))
    arg-navigator))

;; ---- ~D ~B ~O ~X ----

(defn- integral? [x]
  (cond
    (integer? x) true
    (decimal? x) (= x (bigdec (bigint x)))
    (float? x) (= x (Math/floor x))
    (ratio? x) (= 0 (rem (numerator x) (denominator x)))
    :else false))

(defn- group-digits
  "The string s cut into groups of unit characters counted from its end."
  [unit s]
  (loop [s s acc ()]
    (if (> (count s) unit)
      (recur (subs s 0 (- (count s) unit)) (conj acc (subs s (- (count s) unit))))
      (conj acc s))))

(defn- format-integer [base params arg-navigator offsets]
  (let [[arg arg-navigator] (next-arg arg-navigator)]
    (if (integral? arg)
      (let [neg (neg? arg)
            pos-arg (if neg (- arg) arg)
            raw-str (base-str base (if (integer? pos-arg) pos-arg (bigint pos-arg)))
            group-str (if (:colon params)
                        (string/join (str (:commachar params))
                                     (group-digits (:commainterval params) raw-str))
                        raw-str)
            signed-str (cond neg (str "-" group-str)
                             (:at params) (str "+" group-str)
                             :else group-str)
            padded-str (if (< (count signed-str) (:mincol params))
                         (str (repeat-str (- (:mincol params) (count signed-str)) (:padchar params))
                              signed-str)
                         signed-str)]
        (print padded-str))
      (format-ascii print-str {:mincol (:mincol params) :colinc 1 :minpad 0
                               :padchar (:padchar params) :at true}
                    (init-navigator [arg]) nil))
    arg-navigator))

;; ---- ~R in English and in Roman numerals ----

(def ^:private english-cardinal-units
  ["zero" "one" "two" "three" "four" "five" "six" "seven" "eight" "nine"
   "ten" "eleven" "twelve" "thirteen" "fourteen"
   "fifteen" "sixteen" "seventeen" "eighteen" "nineteen"])

(def ^:private english-ordinal-units
  ["zeroth" "first" "second" "third" "fourth" "fifth" "sixth" "seventh" "eighth" "ninth"
   "tenth" "eleventh" "twelfth" "thirteenth" "fourteenth"
   "fifteenth" "sixteenth" "seventeenth" "eighteenth" "nineteenth"])

(def ^:private english-cardinal-tens
  ["" "" "twenty" "thirty" "forty" "fifty" "sixty" "seventy" "eighty" "ninety"])

(def ^:private english-ordinal-tens
  ["" "" "twentieth" "thirtieth" "fortieth" "fiftieth"
   "sixtieth" "seventieth" "eightieth" "ninetieth"])

;; Short scale names, as Clojure's.
(def ^:private english-scale-numbers
  ["" "thousand" "million" "billion" "trillion" "quadrillion" "quintillion"
   "sextillion" "septillion" "octillion" "nonillion" "decillion"
   "undecillion" "duodecillion" "tredecillion" "quattuordecillion"
   "quindecillion" "sexdecillion" "septendecillion"
   "octodecillion" "novemdecillion" "vigintillion"])

(defn- format-simple-cardinal
  "A number below 1000 as English cardinal words (\"\" for 0)."
  [num]
  (let [hundreds (quot num 100)
        tens (rem num 100)]
    (str
     (when (pos? hundreds) (str (nth english-cardinal-units hundreds) " hundred"))
     (when (and (pos? hundreds) (pos? tens)) " ")
     (when (pos? tens)
       (if (< tens 20)
         (nth english-cardinal-units tens)
         (let [ten-digit (quot tens 10)
               unit-digit (rem tens 10)]
           (str (when (pos? ten-digit) (nth english-cardinal-tens ten-digit))
                (when (and (pos? ten-digit) (pos? unit-digit)) "-")
                (when (pos? unit-digit) (nth english-cardinal-units unit-digit)))))))))

(defn- add-english-scales
  "Joins the words of the groups of three digits in parts with their scale names; the
  last group's scale is the offset'th."
  [parts offset]
  (let [cnt (count parts)]
    (loop [acc [] pos (dec cnt) this (first parts) remainder (next parts)]
      (if (nil? remainder)
        (str (string/join ", " acc)
             (when (and (seq this) (seq acc)) ", ")
             this
             (when (and (seq this) (pos? (+ pos offset)))
               (str " " (nth english-scale-numbers (+ pos offset)))))
        (recur (if (empty? this)
                 acc
                 (conj acc (str this " " (nth english-scale-numbers (+ pos offset)))))
               (dec pos)
               (first remainder)
               (next remainder))))))

(def ^:private comma-integer-params
  {:mincol 0 :padchar \space :commachar \, :commainterval 3 :colon true})

(defn- format-cardinal-english [params navigator offsets]
  (let [[arg navigator] (next-arg navigator)]
    (if (= 0 arg)
      (print "zero")
      (let [abs-arg (if (neg? arg) (- arg) arg)
            parts (remainders 1000 abs-arg)]
        (if (<= (count parts) (count english-scale-numbers))
          (print (str (when (neg? arg) "minus ")
                      (add-english-scales (map format-simple-cardinal parts) 0)))
          (format-integer 10 comma-integer-params (init-navigator [arg]) nil))))
    navigator))

(defn- format-simple-ordinal
  "A number below 1000 as English ordinal words."
  [num]
  (let [hundreds (quot num 100)
        tens (rem num 100)]
    (str
     (when (pos? hundreds) (str (nth english-cardinal-units hundreds) " hundred"))
     (when (and (pos? hundreds) (pos? tens)) " ")
     (if (pos? tens)
       (if (< tens 20)
         (nth english-ordinal-units tens)
         (let [ten-digit (quot tens 10)
               unit-digit (rem tens 10)]
           (if (and (pos? ten-digit) (not (pos? unit-digit)))
             (nth english-ordinal-tens ten-digit)
             (str (when (pos? ten-digit) (nth english-cardinal-tens ten-digit))
                  (when (and (pos? ten-digit) (pos? unit-digit)) "-")
                  (when (pos? unit-digit) (nth english-ordinal-units unit-digit))))))
       (when (pos? hundreds) "th")))))

(defn- format-ordinal-english [params navigator offsets]
  (let [[arg navigator] (next-arg navigator)]
    (if (= 0 arg)
      (print "zeroth")
      (let [abs-arg (if (neg? arg) (- arg) arg)
            parts (remainders 1000 abs-arg)]
        (if (<= (count parts) (count english-scale-numbers))
          (let [head-str (add-english-scales (map format-simple-cardinal (drop-last parts)) 1)
                tail-str (format-simple-ordinal (last parts))]
            (print (str (when (neg? arg) "minus ")
                        (cond
                          (and (seq head-str) (seq tail-str)) (str head-str ", " tail-str)
                          (seq head-str) (str head-str "th")
                          :else tail-str))))
          (do (format-integer 10 comma-integer-params (init-navigator [arg]) nil)
              (let [low-two-digits (rem arg 100)
                    not-teens (or (< 11 low-two-digits) (> 19 low-two-digits))
                    low-digit (rem low-two-digits 10)]
                (print (cond
                         (and (== low-digit 1) not-teens) "st"
                         (and (== low-digit 2) not-teens) "nd"
                         (and (== low-digit 3) not-teens) "rd"
                         :else "th")))))))
    navigator))

(def ^:private old-roman-table
  [["I" "II" "III" "IIII" "V" "VI" "VII" "VIII" "VIIII"]
   ["X" "XX" "XXX" "XXXX" "L" "LX" "LXX" "LXXX" "LXXXX"]
   ["C" "CC" "CCC" "CCCC" "D" "DC" "DCC" "DCCC" "DCCCC"]
   ["M" "MM" "MMM"]])

(def ^:private new-roman-table
  [["I" "II" "III" "IV" "V" "VI" "VII" "VIII" "IX"]
   ["X" "XX" "XXX" "XL" "L" "LX" "LXX" "LXXX" "XC"]
   ["C" "CC" "CCC" "CD" "D" "DC" "DCC" "DCCC" "CM"]
   ["M" "MM" "MMM"]])

(defn- format-roman [table params navigator offsets]
  (let [[arg navigator] (next-arg navigator)]
    (if (and (number? arg) (> arg 0) (< arg 4000))
      (let [digits (vec (remainders 10 arg))
            n (count digits)]
        (print (apply str (keep-indexed (fn [i d]
                                          (when-not (= 0 d)
                                            (nth (nth table (- n i 1)) (dec d))))
                                        digits))))
      (format-integer 10 comma-integer-params (init-navigator [arg]) nil))
    navigator))

;; ---- ~C ----

(def ^:private special-chars {8 "Backspace" 9 "Tab" 10 "Newline" 13 "Return" 32 "Space"})

(defn- pretty-character [params navigator offsets]
  (let [[c navigator] (next-arg navigator)
        as-int (int c)
        base-char (bit-and as-int 127)
        meta (bit-and as-int 128)
        special (get special-chars base-char)]
    (when (> meta 0) (print "Meta-"))
    (print (cond special special
                 (< base-char 32) (str "Control-" (char (+ base-char 64)))
                 (= base-char 127) "Control-?"
                 :else (char base-char)))
    navigator))

(declare cl-format)

(defn- readable-character [params navigator offsets]
  (let [[c navigator] (next-arg navigator)]
    (condp = (:char-format params)
      \o (cl-format true "\\o~3,'0o" (int c))
      \u (cl-format true "\\u~4,'0x" (int c))
      nil (pr c))
    navigator))

(defn- plain-character [params navigator offsets]
  (let [[c navigator] (next-arg navigator)]
    (print c)
    navigator))

;; ---- ~F ~E ~G ~$ ----
;; A number is taken apart from its printed form into a mantissa (its significant digits)
;; and an exponent, rounded as text, and put back together.

(defn- rtrim [s c]
  (loop [n (count s)]
    (if (and (pos? n) (= (nth s (dec n)) c)) (recur (dec n)) (subs s 0 n))))

(defn- ltrim [s c]
  (let [len (count s)]
    (loop [n 0]
      (if (and (< n len) (= (nth s n) c)) (recur (inc n)) (subs s n)))))

(defn- float-parts-base
  "The digits of f without its point, and its exponent, both strings."
  [f]
  (let [s (string/lower-case (str f))
        exploc (string/index-of s "e")
        dotloc (string/index-of s ".")]
    (if (nil? exploc)
      (if (nil? dotloc)
        [s (str (dec (count s)))]
        [(str (subs s 0 dotloc) (subs s (inc dotloc))) (str (dec dotloc))])
      (if (nil? dotloc)
        [(subs s 0 exploc) (subs s (inc exploc))]
        [(str (subs s 0 1) (subs s 2 exploc)) (subs s (inc exploc))]))))

(defn- float-parts
  "[mantissa exponent] of f: the significant digits without leading or trailing zeros,
  and the exponent of the first one."
  [f]
  (let [[m e] (float-parts-base f)
        m1 (rtrim m \0)
        m2 (ltrim m1 \0)
        delta (- (count m1) (count m2))
        e (if (and (pos? (count e)) (= (nth e 0) \+)) (subs e 1) e)]
    (if (empty? m2)
      ["0" 0]
      [m2 (- (parse-long e) delta)])))

(defn- inc-s
  "The decimal digit string s plus one, as long as s or one digit longer."
  [s]
  (let [len-1 (dec (count s))]
    (loop [i len-1]
      (cond
        (neg? i) (apply str "1" (repeat (inc len-1) "0"))
        (= \9 (nth s i)) (recur (dec i))
        :else (apply str (subs s 0 i) (char (inc (int (nth s i)))) (repeat (- len-1 i) "0"))))))

(defn- round-str [m e d w]
  (if (or d w)
    (let [len (count m)
          w (when w (max 2 w))
          round-pos (cond d (+ e d 1)
                          (>= e 0) (max (inc e) (dec w))
                          :else (+ w e))
          [m1 e1 round-pos len] (if (= round-pos 0)
                                  [(str "0" m) (inc e) 1 (inc len)]
                                  [m e round-pos len])]
      (if round-pos
        (if (neg? round-pos)
          ["0" 0 false]
          (if (> len round-pos)
            (let [round-char (nth m1 round-pos)
                  result (subs m1 0 round-pos)]
              (if (>= (int round-char) (int \5))
                (let [round-up-result (inc-s result)
                      expanded (> (count round-up-result) (count result))]
                  [(if expanded
                     (subs round-up-result 0 (dec (count round-up-result)))
                     round-up-result)
                   e1 expanded])
                [result e1 false]))
            [m e false]))
        [m e false]))
    [m e false]))

(defn- expand-fixed [m e d]
  (let [[m1 e1] (if (neg? e)
                  [(str (repeat-str (dec (- e)) \0) m) -1]
                  [m e])
        len (count m1)
        target-len (if d (+ e1 d 1) (inc e1))]
    (if (< len target-len)
      (str m1 (repeat-str (- target-len len) \0))
      m1)))

(defn- insert-decimal [m e]
  (if (neg? e)
    (str "." m)
    (let [loc (inc e)]
      (str (subs m 0 loc) "." (subs m loc)))))

(defn- get-fixed [m e d]
  (insert-decimal (expand-fixed m e d) e))

(defn- insert-scaled-decimal [m k]
  (if (neg? k)
    (str "." m)
    (str (subs m 0 k) "." (subs m k))))

(defn- convert-ratio [x]
  (if (ratio? x)
    (let [d (double x)]
      (if (== d 0.0)
        (if (not= x 0) (bigdec x) d)
        (if (or (== d ##Inf) (== d ##-Inf)) (bigdec x) d)))
    x))

(defn- fixed-float [params navigator offsets]
  (let [w (:w params)
        d (:d params)
        [arg navigator] (next-arg navigator)
        [sign abs] (if (neg? arg) ["-" (- arg)] ["+" arg])
        abs (convert-ratio abs)
        [mantissa exp] (float-parts abs)
        scaled-exp (+ exp (:k params))
        add-sign (or (:at params) (neg? arg))
        append-zero (and (not d) (<= (dec (count mantissa)) scaled-exp))
        [rounded-mantissa scaled-exp expanded] (round-str mantissa scaled-exp d
                                                          (when w (- w (if add-sign 1 0))))
        fixed-repr (get-fixed rounded-mantissa (if expanded (inc scaled-exp) scaled-exp) d)
        fixed-repr (if (and w d
                            (>= d 1)
                            (= (nth fixed-repr 0) \0)
                            (= (nth fixed-repr 1) \.)
                            (> (count fixed-repr) (- w (if add-sign 1 0))))
                     (subs fixed-repr 1)
                     fixed-repr)
        prepend-zero (= (first fixed-repr) \.)]
    (if w
      (let [len (count fixed-repr)
            signed-len (if add-sign (inc len) len)
            prepend-zero (and prepend-zero (not (>= signed-len w)))
            append-zero (and append-zero (not (>= signed-len w)))
            full-len (if (or prepend-zero append-zero) (inc signed-len) signed-len)]
        (if (and (> full-len w) (:overflowchar params))
          (print (repeat-str w (:overflowchar params)))
          (print (str (repeat-str (- w full-len) (:padchar params))
                      (when add-sign sign)
                      (when prepend-zero "0")
                      fixed-repr
                      (when append-zero "0")))))
      (print (str (when add-sign sign)
                  (when prepend-zero "0")
                  fixed-repr
                  (when append-zero "0"))))
    navigator))

(defn- exponential-float [params navigator offsets]
  (let [[arg navigator] (next-arg navigator)
        arg (convert-ratio arg)]
    (loop [[mantissa exp] (float-parts (if (neg? arg) (- arg) arg))]
      (let [w (:w params)
            d (:d params)
            e (:e params)
            k (:k params)
            expchar (or (:exponentchar params) \E)
            add-sign (or (:at params) (neg? arg))
            prepend-zero (<= k 0)
            scaled-exp (- exp (dec k))
            scaled-exp-str (str (abs scaled-exp))
            scaled-exp-str (str expchar (if (neg? scaled-exp) \- \+)
                                (when e (repeat-str (- e (count scaled-exp-str)) \0))
                                scaled-exp-str)
            exp-width (count scaled-exp-str)
            base-mantissa-width (count mantissa)
            scaled-mantissa (str (repeat-str (- k) \0)
                                 mantissa
                                 (when d
                                   (repeat-str (- d (dec base-mantissa-width) (if (neg? k) (- k) 0))
                                               \0)))
            w-mantissa (when w (- w exp-width))
            [rounded-mantissa _ incr-exp] (round-str scaled-mantissa 0
                                                     (cond (= k 0) (dec d)
                                                           (pos? k) d
                                                           (neg? k) (dec d))
                                                     (when w-mantissa
                                                       (- w-mantissa (if add-sign 1 0))))
            full-mantissa (insert-scaled-decimal rounded-mantissa k)
            append-zero (and (= k (count rounded-mantissa)) (nil? d))]
        (if (not incr-exp)
          (if w
            (let [len (+ (count full-mantissa) exp-width)
                  signed-len (if add-sign (inc len) len)
                  prepend-zero (and prepend-zero (not (= signed-len w)))
                  full-len (if prepend-zero (inc signed-len) signed-len)
                  append-zero (and append-zero (< full-len w))]
              (if (and (or (> full-len w) (and e (> (- exp-width 2) e)))
                       (:overflowchar params))
                (print (repeat-str w (:overflowchar params)))
                (print (str (repeat-str (- w full-len (if append-zero 1 0)) (:padchar params))
                            (when add-sign (if (neg? arg) \- \+))
                            (when prepend-zero "0")
                            full-mantissa
                            (when append-zero "0")
                            scaled-exp-str))))
            (print (str (when add-sign (if (neg? arg) \- \+))
                        (when prepend-zero "0")
                        full-mantissa
                        (when append-zero "0")
                        scaled-exp-str)))
          (recur [rounded-mantissa (inc exp)]))))
    navigator))

(defn- general-float [params navigator offsets]
  (let [[arg _] (next-arg navigator)
        arg (convert-ratio arg)
        [mantissa exp] (float-parts (if (neg? arg) (- arg) arg))
        w (:w params)
        d (:d params)
        e (:e params)
        n (if (= arg 0.0) 0 (inc exp))
        ee (if e (+ e 2) 4)
        ww (when w (- w ee))
        d (if d d (max (count mantissa) (min n 7)))
        dd (- d n)]
    (if (<= 0 dd d)
      (let [navigator (fixed-float {:w ww :d dd :k 0
                                    :overflowchar (:overflowchar params)
                                    :padchar (:padchar params) :at (:at params)}
                                   navigator offsets)]
        (print (spaces ee))
        navigator)
      (exponential-float params navigator offsets))))

(defn- dollar-float [params navigator offsets]
  (let [[arg navigator] (next-arg navigator)
        [mantissa exp] (float-parts (abs arg))
        d (:d params)
        n (:n params)
        w (:w params)
        add-sign (or (:at params) (neg? arg))
        [rounded-mantissa scaled-exp expanded] (round-str mantissa exp d nil)
        fixed-repr (get-fixed rounded-mantissa (if expanded (inc scaled-exp) scaled-exp) d)
        full-repr (str (repeat-str (- n (string/index-of fixed-repr ".")) \0) fixed-repr)
        full-len (+ (count full-repr) (if add-sign 1 0))]
    (print (str (when (and (:colon params) add-sign) (if (neg? arg) \- \+))
                (repeat-str (- w full-len) (:padchar params))
                (when (and (not (:colon params)) add-sign) (if (neg? arg) \- \+))
                full-repr))
    navigator))

;; ---- ~[ ~] conditionals ----

(defn- choice-conditional [params arg-navigator offsets]
  (let [arg (:selector params)
        [arg navigator] (if arg [arg arg-navigator] (next-arg arg-navigator))
        clauses (:clauses params)
        clause (if (or (neg? arg) (>= arg (count clauses)))
                 (first (:else params))
                 (nth clauses arg))]
    (if clause
      (execute-sub-format clause navigator (:base-args params))
      navigator)))

(defn- boolean-conditional [params arg-navigator offsets]
  (let [[arg navigator] (next-arg arg-navigator)
        clauses (:clauses params)
        clause (if arg (second clauses) (first clauses))]
    (if clause
      (execute-sub-format clause navigator (:base-args params))
      navigator)))

(defn- check-arg-conditional [params arg-navigator offsets]
  (let [[arg navigator] (next-arg arg-navigator)
        clause (when arg (first (:clauses params)))]
    (if arg
      (if clause
        (execute-sub-format clause arg-navigator (:base-args params))
        arg-navigator)
      navigator)))

;; ---- ~{ ~} iteration ----

(defn- iteration-clause [params navigator]
  (let [param-clause (first (:clauses params))]
    (if (empty? param-clause)
      (get-format-arg navigator)
      [param-clause navigator])))

(defn- done-iterating? [params args count max-count]
  (or (and (empty? (:rest args))
           (or (not (:colon (:right-params params))) (> count 0)))
      (and max-count (>= count max-count))))

(defn- iterate-sublist [params navigator offsets]
  (let [max-count (:max-iterations params)
        [clause navigator] (iteration-clause params navigator)
        [arg-list navigator] (next-arg navigator)]
    (loop [count 0 args (init-navigator arg-list) last-pos -1]
      (when (and (not max-count) (= (:pos args) last-pos) (> count 1))
        (throw (RuntimeException. "%{ construct not consuming any arguments: Infinite loop!")))
      (if (done-iterating? params args count max-count)
        navigator
        (let [iter-result (execute-sub-format clause args (:base-args params))]
          (if (and (vector? iter-result) (= :up-arrow (first iter-result)))
            navigator
            (recur (inc count) iter-result (:pos args))))))))

(defn- iterate-list-of-sublists [params navigator offsets]
  (let [max-count (:max-iterations params)
        [clause navigator] (iteration-clause params navigator)
        [arg-list navigator] (next-arg navigator)]
    (loop [count 0 arg-list arg-list]
      (if (or (and (empty? arg-list)
                   (or (not (:colon (:right-params params))) (> count 0)))
              (and max-count (>= count max-count)))
        navigator
        (let [iter-result (execute-sub-format clause
                                              (init-navigator (first arg-list))
                                              (init-navigator (next arg-list)))]
          (if (and (vector? iter-result) (= :colon-up-arrow (first iter-result)))
            navigator
            (recur (inc count) (next arg-list))))))))

(defn- iterate-main-list [params navigator offsets]
  (let [max-count (:max-iterations params)
        [clause navigator] (iteration-clause params navigator)]
    (loop [count 0 navigator navigator last-pos -1]
      (when (and (not max-count) (= (:pos navigator) last-pos) (> count 1))
        (throw (RuntimeException. "%@{ construct not consuming any arguments: Infinite loop!")))
      (if (done-iterating? params navigator count max-count)
        navigator
        (let [iter-result (execute-sub-format clause navigator (:base-args params))]
          (if (and (vector? iter-result) (= :up-arrow (first iter-result)))
            (second iter-result)
            (recur (inc count) iter-result (:pos navigator))))))))

(defn- iterate-main-sublists [params navigator offsets]
  (let [max-count (:max-iterations params)
        [clause navigator] (iteration-clause params navigator)]
    (loop [count 0 navigator navigator]
      (if (done-iterating? params navigator count max-count)
        navigator
        (let [[sublist navigator] (next-arg-or-nil navigator)
              iter-result (execute-sub-format clause (init-navigator sublist) navigator)]
          (if (and (vector? iter-result) (= :colon-up-arrow (first iter-result)))
            navigator
            (recur (inc count) navigator)))))))

;; ---- ~< ~> justification and logical blocks ----

(defn- render-clauses [clauses navigator base-navigator]
  (loop [clauses (seq clauses) acc [] navigator navigator]
    (if (empty? clauses)
      [acc navigator]
      (let [sw (java.io.StringWriter.)
            iter-result (binding [*out* sw]
                          (execute-sub-format (first clauses) navigator base-navigator))
            result-str (str sw)]
        (if (and (vector? iter-result) (= :up-arrow (first iter-result)))
          [acc (second iter-result)]
          (recur (next clauses) (conj acc result-str) iter-result))))))

(defn- justify-clauses [params navigator offsets]
  (let [[[eol-str] new-navigator] (when-let [else (:else params)]
                                    (render-clauses else navigator (:base-args params)))
        navigator (or new-navigator navigator)
        [else-params _ new-navigator] (when-let [p (:else-params params)]
                                        (realize-parameter-list p navigator))
        navigator (or new-navigator navigator)
        pw (pretty-writer-of *out*)
        min-remaining (or (:min-remaining else-params) 0)
        max-columns (or (:max-columns else-params) (:max pw))
        clauses (:clauses params)
        [strs navigator] (render-clauses clauses navigator (:base-args params))
        slots (max 1 (+ (dec (count strs)) (if (:colon params) 1 0) (if (:at params) 1 0)))
        chars (reduce + (map count strs))
        mincol (:mincol params)
        minpad (:minpad params)
        colinc (:colinc params)
        minout (+ chars (* slots minpad))
        result-columns (if (<= minout mincol)
                         mincol
                         (+ mincol (* colinc (+ 1 (quot (- minout mincol 1) colinc)))))
        total-pad (- result-columns chars)
        pad (max minpad (quot total-pad slots))
        extra-pad (- total-pad (* pad slots))
        pad-str (repeat-str pad (:padchar params))]
    (when (and eol-str (> (+ (pw-column pw) min-remaining result-columns) max-columns))
      (print eol-str))
    (loop [slots slots
           extra-pad extra-pad
           strs (seq strs)
           pad-only (or (:colon params) (and (= (count strs) 1) (not (:at params))))]
      (when (seq strs)
        (print (str (when-not pad-only (first strs))
                    (when (or pad-only (next strs) (:at params)) pad-str)
                    (when (pos? extra-pad) (:padchar params))))
        (recur (dec slots) (dec extra-pad) (if pad-only strs (next strs)) false)))
    navigator))

(defn- format-logical-block [params navigator offsets]
  (let [clauses (:clauses params)
        clause-count (count clauses)
        prefix (cond (> clause-count 1) (:string (first (first clauses)))
                     (:colon params) "(")
        body (nth clauses (if (> clause-count 1) 1 0))
        suffix (cond (> clause-count 2) (:string (first (nth clauses 2)))
                     (:colon params) ")")
        [arg navigator] (next-arg navigator)]
    (pprint-logical-block :prefix prefix :suffix suffix
      (execute-sub-format body (init-navigator arg) (:base-args params)))
    navigator))

(defn- logical-block-or-justify [params navigator offsets]
  (if (:colon (:right-params params))
    (format-logical-block params navigator offsets)
    (justify-clauses params navigator offsets)))

;; ---- ~( ~) case conversion ----
;; Each directive of the clause is run with *out* bound to a string writer, and its text
;; converted before it is printed, as the JVM converts write by write.

(defn- word-char? [c]
  (or (<= (int \a) (int c) (int \z)) (<= (int \A) (int c) (int \Z))
      (<= (int \0) (int c) (int \9)) (= c \_)))

(defn- capitalize-string
  "s with every word character that follows a non-word character upper-cased, and its
  first character too when first? is true and it is a letter."
  [s first?]
  (let [sb (StringBuilder.)]
    (dotimes [i (count s)]
      (let [c (nth s i)]
        (.append sb (if (if (zero? i)
                          (and first? (Character/isLetter c))
                          (and (word-char? c) (not (word-char? (nth s (dec i))))))
                      (Character/toUpperCase c)
                      c))))
    (str sb)))

(defn- capitalize-words []
  (let [last-was-whitespace? (volatile! true)]
    (fn [s]
      (let [r (capitalize-string (string/lower-case s) @last-was-whitespace?)]
        (when (pos? (count s))
          (vreset! last-was-whitespace? (Character/isWhitespace (nth s (dec (count s))))))
        r))))

(defn- capitalize-first []
  (let [capped (volatile! false)]
    (fn [s]
      (let [s (string/lower-case s)]
        (if @capped
          s
          (if-let [i (first (keep-indexed (fn [i c] (when-not (Character/isWhitespace c) i)) s))]
            (do (vreset! capped true)
                (str (subs s 0 i) (string/upper-case (subs s i (inc i))) (subs s (inc i))))
            s))))))

(defn- modify-case [make-xform params navigator offsets]
  (let [clause (first (:clauses params))
        xform (make-xform)
        out *out*]
    (loop [clause (seq clause) context navigator]
      (if (and clause (not (abort? context)))
        (let [sw (java.io.StringWriter.)
              context (binding [*out* sw]
                        (run-directive (first clause) context (:base-args params)))]
          (.write out (xform (str sw)))
          (recur (next clause) context))
        context))))

;; ---- column-aware directives ~& ~T ~_ ~I ----

(defn- absolute-tabulation [params navigator offsets]
  (let [colnum (:colnum params)
        colinc (:colinc params)
        current (pw-column (pretty-writer-of *out*))
        space-count (cond (< current colnum) (- colnum current)
                          (= colinc 0) 0
                          :else (- colinc (rem (- current colnum) colinc)))]
    (print (spaces space-count)))
  navigator)

(defn- relative-tabulation [params navigator offsets]
  (let [colrel (:colnum params)
        colinc (:colinc params)
        start-col (+ colrel (pw-column (pretty-writer-of *out*)))
        offset (if (pos? colinc) (rem start-col colinc) 0)
        space-count (+ colrel (if (= 0 offset) 0 (- colinc offset)))]
    (print (spaces space-count)))
  navigator)

(defn- set-indent [params navigator offsets]
  (pprint-indent (if (:colon params) :current :block) (:n params))
  navigator)

(defn- conditional-newline [params navigator offsets]
  (pprint-newline (if (:colon params)
                    (if (:at params) :mandatory :fill)
                    (if (:at params) :miser :linear)))
  navigator)

;; ---- the directives ----
;; Each directive: its parameters in order, each with a default and a type (:int or
;; :char), the flags it accepts (:pretty marks directives that need a pretty writer), the
;; bracket it opens or closes, and a function of the compiled parameters (values paired
;; with their offsets) giving the function that runs it: (f params navigator offsets),
;; returning the navigator (or [:up-arrow navigator] to stop).

(declare write)

(def ^:private directive-table
  (let [ascii-params [[:mincol 0 :int] [:colinc 1 :int] [:minpad 0 :int] [:padchar \space :char]]
        int-params [[:mincol 0 :int] [:padchar \space :char] [:commachar \, :char]
                    [:commainterval 3 :int]]
        all #{:at :colon :both}
        d (fn [c params flags bracket gen]
            [c {:directive c :params params :flags flags :bracket bracket :gen gen}])]
    (into
     {}
     [(d \A ascii-params all {} (fn [_ _] #(format-ascii print-str %1 %2 %3)))
      (d \S ascii-params all {} (fn [_ _] #(format-ascii pr-str %1 %2 %3)))
      (d \D int-params all {} (fn [_ _] #(format-integer 10 %1 %2 %3)))
      (d \B int-params all {} (fn [_ _] #(format-integer 2 %1 %2 %3)))
      (d \O int-params all {} (fn [_ _] #(format-integer 8 %1 %2 %3)))
      (d \X int-params all {} (fn [_ _] #(format-integer 16 %1 %2 %3)))
      (d \R (into [[:base nil :int]] int-params) all {}
         (fn [params _]
           (cond
             (first (:base params)) #(format-integer (:base %1) %1 %2 %3)
             (and (:at params) (:colon params)) #(format-roman old-roman-table %1 %2 %3)
             (:at params) #(format-roman new-roman-table %1 %2 %3)
             (:colon params) format-ordinal-english
             :else format-cardinal-english)))
      (d \P [] all {}
         (fn [_ _]
           (fn [params navigator offsets]
             (let [navigator (if (:colon params) (relative-reposition navigator -1) navigator)
                   strs (if (:at params) ["y" "ies"] ["" "s"])
                   [arg navigator] (next-arg navigator)]
               (print (if (= arg 1) (first strs) (second strs)))
               navigator))))
      (d \C [[:char-format nil :char]] all {}
         (fn [params _]
           (cond (:colon params) pretty-character
                 (:at params) readable-character
                 :else plain-character)))
      (d \F [[:w nil :int] [:d nil :int] [:k 0 :int] [:overflowchar nil :char]
             [:padchar \space :char]]
         #{:at} {} (fn [_ _] fixed-float))
      (d \E [[:w nil :int] [:d nil :int] [:e nil :int] [:k 1 :int] [:overflowchar nil :char]
             [:padchar \space :char] [:exponentchar nil :char]]
         #{:at} {} (fn [_ _] exponential-float))
      (d \G [[:w nil :int] [:d nil :int] [:e nil :int] [:k 1 :int] [:overflowchar nil :char]
             [:padchar \space :char] [:exponentchar nil :char]]
         #{:at} {} (fn [_ _] general-float))
      (d \$ [[:d 2 :int] [:n 1 :int] [:w 0 :int] [:padchar \space :char]]
         all {} (fn [_ _] dollar-float))
      (d \% [[:count 1 :int]] #{} {}
         (fn [_ _]
           (fn [params navigator offsets]
             (dotimes [_ (:count params)] (prn))
             navigator)))
      (d \& [[:count 1 :int]] #{:pretty} {}
         (fn [_ _]
           (fn [params navigator offsets]
             (let [cnt (:count params)]
               (when (pos? cnt) (fresh-line))
               (dotimes [_ (dec cnt)] (prn)))
             navigator)))
      (d \| [[:count 1 :int]] #{} {}
         (fn [_ _]
           (fn [params navigator offsets]
             (dotimes [_ (:count params)] (print \formfeed))
             navigator)))
      (d \~ [[:n 1 :int]] #{} {}
         (fn [_ _]
           (fn [params navigator offsets]
             (print (repeat-str (:n params) \~))
             navigator)))
      (d \newline [] #{:colon :at} {}
         (fn [_ _]
           (fn [params navigator offsets]
             (when (:at params) (prn))
             navigator)))
      (d \T [[:colnum 1 :int] [:colinc 1 :int]] #{:at :pretty} {}
         (fn [params _] (if (:at params) relative-tabulation absolute-tabulation)))
      (d \* [[:n nil :int]] #{:colon :at} {}
         (fn [_ _]
           (fn [params navigator offsets]
             (let [n (:n params)]
               (if (:at params)
                 (absolute-reposition navigator (or n 0))
                 (relative-reposition navigator (if (:colon params) (- (or n 1)) (or n 1))))))))
      (d \? [] #{:at} {}
         (fn [params _]
           (if (:at params)
             (fn [params navigator offsets]
               (let [[subformat navigator] (get-format-arg navigator)]
                 (execute-sub-format subformat navigator (:base-args params))))
             (fn [params navigator offsets]
               (let [[subformat navigator] (get-format-arg navigator)
                     [subargs navigator] (next-arg navigator)]
                 (execute-sub-format subformat (init-navigator subargs) (:base-args params))
                 navigator)))))
      (d \( [] all {:right \) :allows-separator nil :else nil}
         (fn [params _]
           (let [make-xform (cond
                              (and (:at params) (:colon params)) (fn [] string/upper-case)
                              (:colon params) capitalize-words
                              (:at params) capitalize-first
                              :else (fn [] string/lower-case))]
             #(modify-case make-xform %1 %2 %3))))
      (d \) [] #{} {} nil)
      (d \[ [[:selector nil :int]] #{:colon :at} {:right \] :allows-separator true :else :last}
         (fn [params _]
           (cond (:colon params) boolean-conditional
                 (:at params) check-arg-conditional
                 :else choice-conditional)))
      (d \; [[:min-remaining nil :int] [:max-columns nil :int]] #{:colon} {:separator true} nil)
      (d \] [] #{} {} nil)
      (d \{ [[:max-iterations nil :int]] all {:right \} :allows-separator false}
         (fn [params _]
           (cond (and (:at params) (:colon params)) iterate-main-sublists
                 (:colon params) iterate-list-of-sublists
                 (:at params) iterate-main-list
                 :else iterate-sublist)))
      (d \} [] #{:colon} {} nil)
      (d \< [[:mincol 0 :int] [:colinc 1 :int] [:minpad 0 :int] [:padchar \space :char]]
         #{:colon :at :both :pretty} {:right \> :allows-separator true :else :first}
         (fn [_ _] logical-block-or-justify))
      (d \> [] #{:colon} {} nil)
      (d \^ [[:arg1 nil :int] [:arg2 nil :int] [:arg3 nil :int]] #{:colon} {}
         (fn [_ _]
           (fn [params navigator offsets]
             (let [arg1 (:arg1 params)
                   arg2 (:arg2 params)
                   arg3 (:arg3 params)
                   exit (if (:colon params) :colon-up-arrow :up-arrow)]
               (cond
                 (and arg1 arg2 arg3) (if (<= arg1 arg2 arg3) [exit navigator] navigator)
                 (and arg1 arg2) (if (= arg1 arg2) [exit navigator] navigator)
                 arg1 (if (= arg1 0) [exit navigator] navigator)
                 :else (if (if (:colon params)
                             (empty? (:rest (:base-args params)))
                             (empty? (:rest navigator)))
                         [exit navigator]
                         navigator))))))
      (d \W [] #{:at :colon :both :pretty} {}
         (fn [params _]
           (if (or (:at params) (:colon params))
             (let [bindings (concat (when (:at params) [:level nil :length nil])
                                    (when (:colon params) [:pretty true]))]
               (fn [params navigator offsets]
                 (let [[arg navigator] (next-arg navigator)]
                   (if (apply write arg bindings)
                     [:up-arrow navigator]
                     navigator))))
             (fn [params navigator offsets]
               (let [[arg navigator] (next-arg navigator)]
                 (if (write-out arg)
                   [:up-arrow navigator]
                   navigator))))))
      (d \_ [] all {} (fn [_ _] conditional-newline))
      (d \I [[:n 0 :int]] #{:colon} {} (fn [_ _] set-indent))])))

;; ---- compiling a format string ----

(def ^:private param-pattern #"^([vV]|#|('.)|([+-]?\d+)|(?=,))")

(defn- extract-params
  "The parameter strings at the start of s (after a ~), each with its offset:
  [[[param offset] ...] [rest offset]]."
  [s offset]
  (loop [s s offset offset saw-comma false acc []]
    (if-let [m (re-find param-pattern s)]
      (let [token (first m)
            remainder (subs s (count token))
            new-offset (+ offset (count token))]
        (when (empty? remainder)
          (format-error "Format string ended in the middle of a directive" new-offset))
        (if (= \, (first remainder))
          (recur (subs remainder 1) (inc new-offset) true (conj acc [token offset]))
          (recur remainder new-offset false (conj acc [token offset]))))
      (if saw-comma
        (format-error "Badly formed parameters in format directive" offset)
        [acc [s offset]]))))

(defn- translate-param [[p offset]]
  [(cond
     (= (count p) 0) nil
     (and (= (count p) 1) (#{\v \V} (nth p 0))) :parameter-from-args
     (and (= (count p) 1) (= \# (nth p 0))) :remaining-arg-count
     (and (= (count p) 2) (= \' (nth p 0))) (nth p 1)
     :else (or (parse-long (if (string/starts-with? p "+") (subs p 1) p))
               (throw (NumberFormatException. (str "For input string: \"" p "\"")))))
   offset])

(def ^:private flag-defs {\: :colon \@ :at})

(defn- extract-flags [s offset]
  (loop [s s offset offset flags {}]
    (let [flag (get flag-defs (first s))]
      (if flag
        (if (contains? flags flag)
          (format-error (str "Flag \"" (first s) "\" appears more than once in a directive")
                        offset)
          (recur (subs s 1) (inc offset) (assoc flags flag [true offset])))
        [s offset flags]))))

(defn- check-flags [def flags]
  (let [allowed (:flags def)]
    (when (and (not (:at allowed)) (:at flags))
      (format-error (str "\"@\" is an illegal flag for format directive \"" (:directive def) "\"")
                    (nth (:at flags) 1)))
    (when (and (not (:colon allowed)) (:colon flags))
      (format-error (str "\":\" is an illegal flag for format directive \"" (:directive def) "\"")
                    (nth (:colon flags) 1)))
    (when (and (not (:both allowed)) (:at flags) (:colon flags))
      (format-error (str "Cannot combine \"@\" and \":\" flags for format directive \""
                         (:directive def) "\"")
                    (min (nth (:colon flags) 1) (nth (:at flags) 1))))))

(defn- map-params
  "The parameters of a directive as [name [value offset]] pairs, defaults filled in, in
  the order the JVM realizes them (last declared first), then its flags."
  [def params flags offset]
  (check-flags def flags)
  (when (> (count params) (count (:params def)))
    (format-error
     (cl-format nil "Too many parameters for directive \"~C\": ~D~:* ~[were~;was~:;were~] specified but only ~D~:* ~[are~;is~:;are~] allowed"
                (:directive def) (count params) (count (:params def)))
     (second (first params))))
  (doseq [[[val val-offset] [pname _ ptype]] (map vector params (:params def))]
    (when-not (or (nil? val) (keyword? val)
                  (if (= ptype :char) (char? val) (integer? val)))
      (format-error (str "Parameter " (name pname) " has bad type in directive \""
                         (:directive def) "\": class "
                         (if (char? val) "java.lang.Character" "java.lang.Integer"))
                    val-offset)))
  (let [given (into {} (keep (fn [[[val val-offset] [pname]]]
                               (when val [pname [val val-offset]]))
                             (map vector params (:params def))))]
    (into (vec (for [[pname default] (reverse (:params def))]
                 [pname (get given pname [default offset])]))
          flags)))

(defn- compile-directive
  "The directive at the start of s (just after its ~): [directive [rest offset]]."
  [s offset]
  (let [[raw-params [rest offset]] (extract-params s offset)
        [rest offset flags] (extract-flags rest offset)
        directive (first rest)
        _ (when-not directive
            (format-error "Format string ended in the middle of a directive" offset))
        def (get directive-table (Character/toUpperCase directive))
        _ (when-not def
            (format-error (str "Directive \"" directive "\" is undefined") offset))
        params (map-params def (map translate-param raw-params) flags offset)
        pmap (into {} params)]
    [{:func (when-let [gen (:gen def)] (gen pmap offset)) :def def :params params :pmap pmap
      :offset offset}
     (let [remainder (subs rest 1)
           offset (inc offset)
           trim-count (if (and (= \newline (:directive def)) (not (:colon pmap)))
                        (count (take-while #{\space \tab} remainder))
                        0)]
       [(subs remainder trim-count) (+ offset trim-count)])]))

(defn- compile-raw-string [s offset]
  {:string s :offset offset})

(defn- opening-bracket [d] (:right (:bracket (:def d))))
(defn- separator? [d] (:separator (:bracket (:def d))))
(defn- else-separator? [d] (and (separator? d) (:colon (:pmap d))))

(declare collect-clauses)

(defn- process-bracket
  "The bracket directive d with the clauses up to its closing directive, taken from
  remainder: [directive remainder]."
  [d remainder]
  (let [[subex remainder] (collect-clauses (:bracket (:def d)) (:offset d) remainder)
        extra (for [[k v] subex] [k [v (:offset d)]])]
    [(-> d
         (update :params into extra)
         (update :pmap into extra))
     remainder]))

(defn- process-clause
  "The directives of one clause: [clause [kind right-params else-params remainder]]."
  [bracket-info offset remainder]
  (loop [remainder remainder acc []]
    (if (empty? remainder)
      (format-error "No closing bracket found." offset)
      (let [this (first remainder)
            remainder (next remainder)]
        (cond
          (opening-bracket this)
          (let [[d remainder] (process-bracket this remainder)]
            (recur remainder (conj acc d)))

          (= (:right bracket-info) (:directive (:def this)))
          [acc [:right-bracket (:pmap this) nil remainder]]

          (else-separator? this)
          [acc [:else nil (:params this) remainder]]

          (separator? this)
          [acc [:separator nil nil remainder]]

          :else (recur remainder (conj acc this)))))))

(defn- collect-clauses [bracket-info offset remainder]
  (loop [clause-map {:clauses []} saw-else false remainder remainder]
    (let [[clause [kind right-params else-params remainder]]
          (process-clause bracket-info offset remainder)]
      (case kind
        :right-bracket
        [(-> clause-map
             (update (if saw-else :else :clauses) (fnil conj []) clause)
             (assoc :right-params right-params))
         remainder]

        :else
        (cond
          (:else clause-map)
          (format-error "Two else clauses (\"~:;\") inside bracket construction." offset)

          (not (:else bracket-info))
          (format-error "An else clause (\"~:;\") is in a bracket type that doesn't support it."
                        offset)

          (and (= :first (:else bracket-info)) (seq (:clauses clause-map)))
          (format-error
           "The else clause (\"~:;\") is only allowed in the first position for this directive."
           offset)

          (= :first (:else bracket-info))
          (recur (-> clause-map
                     (update :else (fnil conj []) clause)
                     (assoc :else-params else-params))
                 false remainder)

          :else
          (recur (update clause-map :clauses conj clause) true remainder))

        :separator
        (cond
          saw-else
          (format-error "A plain clause (with \"~;\") follows an else clause (\"~:;\") inside bracket construction." offset)

          (not (:allows-separator bracket-info))
          (format-error "A separator (\"~;\") is in a bracket type that doesn't support it."
                        offset)

          :else
          (recur (update clause-map :clauses conj clause) false remainder))))))

(defn- process-nesting [directives]
  (loop [remainder (seq directives) acc []]
    (if-let [this (first remainder)]
      (if (opening-bracket this)
        (let [[d remainder] (process-bracket this (next remainder))]
          (recur remainder (conj acc d)))
        (recur (next remainder) (conj acc this)))
      acc)))

(defn- compile-format
  "Compiles format-str into a compiled format which can be used as an argument to
  cl-format just like a plain format string. Use this function for improved performance
  when you're using the same format string repeatedly. RuntimeException (with the
  format string and a caret under the place) for a malformed one."
  [format-str]
  (binding [*format-str* format-str]
    (process-nesting
     (loop [s format-str offset 0 acc []]
       (if (empty? s)
         acc
         (let [tilde (string/index-of s "~")]
           (cond
             (nil? tilde) (conj acc (compile-raw-string s offset))
             (zero? tilde) (let [[d [s offset]] (compile-directive (subs s 1) (inc offset))]
                             (recur s offset (conj acc d)))
             :else (recur (subs s tilde) (+ tilde offset)
                          (conj acc (compile-raw-string (subs s 0 tilde) offset))))))))))

(defn- needs-pretty
  "Whether a compiled format has directives that need column tracking or a pretty
  writer."
  [format]
  (boolean
   (some (fn [d]
           (or (:pretty (:flags (:def d)))
               (some needs-pretty (first (:clauses (:pmap d))))
               (some needs-pretty (first (:else (:pmap d))))))
         format)))

(defn- execute-format
  "Executes the compiled format with the arguments of the navigator args, to stream
  (nil: a new string, returned; true: *out*), or to *out* without a stream."
  ([stream format args]
   (let [real-stream (cond (not stream) (java.io.StringWriter.)
                           (true? stream) *out*
                           :else stream)]
     (if-let [pw (pretty-writer-of real-stream)]
       (binding [*out* real-stream]
         (execute-sub-format format args ::current)
         (take-pending pw))
       (if (needs-pretty format)
         (call-with-pretty-writer real-stream #(execute-sub-format format args ::current))
         (binding [*out* real-stream]
           (execute-sub-format format args ::current))))
     (when-not stream (str real-stream))))
  ([format args]
   (execute-sub-format format args ::current)
   nil))

(defn cl-format
  "An implementation of a Common Lisp compatible format function. cl-format formats its
  arguments to an output stream or string based on the format control string given. It
  supports sophisticated formatting of structured data.

  Writer is an instance of java.io.Writer, true to output to *out* or nil to output to
  a string, format-in is the format control string and the remaining arguments are the
  data to be formatted.

  The format control string is a string to be output with embedded 'format directives'
  describing how to format the various arguments passed in.

  If writer is nil, cl-format returns the formatted result string. Otherwise, cl-format
  returns nil.

  For example:
   (let [results [46 38 22]]
     (cl-format true \"There ~[are~;is~:;are~]~:* ~d result~:p: ~{~d~^, ~}~%\"
                (count results) results))

  Prints to *out*:
   There are 3 results: 46, 38, 22

  A malformed format string throws RuntimeException whose message names the problem
  and shows the string with a caret under the place; too few arguments throw Exception
  \"Not enough arguments for format definition\".

  Detailed documentation on format control strings is available in \"Common Lisp the
  Language, 2nd edition\", Chapter 22 and in the Common Lisp HyperSpec at
  http://www.lispworks.com/documentation/HyperSpec/Body/22_c.htm"
  [writer format-in & args]
  (let [compiled-format (if (string? format-in) (compile-format format-in) format-in)
        navigator (init-navigator args)]
    (execute-format writer compiled-format navigator)))

(def ^:private cached-compile (memoize compile-format))

(defmacro formatter
  "Makes a function which can directly run format-in. The function is
  fn [stream & args] ... and returns nil unless the stream is nil (meaning output to a
  string) in which case it returns the resulting string.

  format-in can be either a control string or a previously compiled format."
  [format-in]
  `(let [format-in# ~format-in
         cf# (if (string? format-in#) (#'clojure.pprint/cached-compile format-in#) format-in#)]
     (fn [stream# & args#]
       (#'clojure.pprint/execute-format stream# cf# (#'clojure.pprint/init-navigator args#)))))

(defmacro formatter-out
  "Makes a function which can directly run format-in. The function is fn [& args] ...
  and returns nil. This version of the formatter macro is designed to be used with *out*
  set to an appropriate Writer. In particular, this is meant to be used as part of a
  pretty printer dispatch method.

  format-in can be either a control string or a previously compiled format."
  [format-in]
  `(let [format-in# ~format-in
         cf# (if (string? format-in#) (#'clojure.pprint/cached-compile format-in#) format-in#)]
     (fn [& args#]
       (#'clojure.pprint/execute-format cf# (#'clojure.pprint/init-navigator args#)))))

