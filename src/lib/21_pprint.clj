;; lazy-ns: clojure.pprint
;; 21_pprint.clj: clojure.pprint (SPEC L16, L17), loaded on the first
;; (require 'clojure.pprint). The pretty printer is the XP algorithm as Clojure's
;; clojure/pprint (Tom Faulhaber) implements it, so that lines break where the JVM breaks
;; them: output is a stream of tokens (text, logical block starts and ends, conditional
;; newlines of kind :linear :fill :miser :mandatory, indentations) kept in a buffer while
;; a newline is pending, and a newline is taken when the section after it does not fit
;; before the right margin. cl-format compiles a Common Lisp format string to a vector
;; of directives, each a map of its function, its definition in directive-table and its
;; parameters (values paired with their offsets in the string, for error messages);
;; bracket directives (~[ ~{ ~< ~() hold their clauses. Running a format threads an
;; argument navigator ({:seq :rest :pos}) through the directives; ~^ stops a clause by
;; returning [:up-arrow navigator]. The file is long because it is one namespace: the
;; embedded libraries are one file per namespace (eval/loader.h).
;;
;; Clove's writers are native objects, so the pretty writer is not a java.io.Writer: while
;; it is in use *out* is bound to a string writer (its capture) that print, pr and .write
;; fill as usual, and the pretty writer takes that text (-take-string-writer) at each of
;; its own operations (block start and end, newline, indentation, flush) before acting.
;; The text between two operations arrives as one piece, where the JVM sees it write by
;; write; the XP decisions are the same (a newline's decision is made once the section
;; after it overflows, and a longer piece of that section overflows too).

(ns clojure.pprint
  "A Pretty Printer for Clojure

  clojure.pprint implements a flexible system for printing structured data in a
  pleasing, easy-to-understand format. Basic use of the pretty printer is simple, just
  call pprint instead of println. More advanced users can use the building blocks
  provided to create custom output formats.

  Out of the box, pprint supports a simple structured format for basic data and a
  specialized format for Clojure source code. More advanced formats, including formats
  that don't look like Clojure data at all like XML and JSON, can be rendered by
  creating custom dispatch functions.

  In addition to the pprint function, this module contains cl-format, a text formatting
  function which is fully compatible with the format function in Common Lisp."
  (:require [clojure.string :as string]
            [clojure.walk :as walk]))

;; ---- the printer control variables ----

(def ^:dynamic *print-pretty*
  "Bind to true if you want write to use pretty printing"
  true)

(def ^:dynamic *print-pprint-dispatch*
  "The pretty print dispatch function. Use with-pprint-dispatch or set-pprint-dispatch
  to modify."
  nil)

(def ^:dynamic *print-right-margin*
  "Pretty printing will try to avoid anything going beyond this column. Set it to nil to
  have pprint let the line be arbitrarily long. This will ignore all non-mandatory
  newlines."
  72)

(def ^:dynamic *print-miser-width*
  "The column at which to enter miser style. Depending on the dispatch table, miser
  style add newlines in more places to try to keep lines short allowing for further
  levels of nesting."
  40)

(def ^:dynamic ^:private *print-lines* nil)
(def ^:dynamic ^:private *print-circle* nil)
(def ^:dynamic ^:private *print-shared* nil)

(def ^:dynamic *print-suppress-namespaces*
  "Don't print namespaces with symbols. This is particularly useful when pretty printing
  the results of macro expansions"
  nil)

(def ^:dynamic *print-radix*
  "Print a radix specifier in front of integers and rationals. If *print-base* is 2, 8,
  or 16, then the radix specifier used is #b, #o, or #x, respectively. Otherwise the
  radix specifier is in the form #XXr where XX is the decimal value of *print-base* "
  nil)

(def ^:dynamic *print-base*
  "The base to use for printing integers and rationals."
  10)

;; Where write-out is in the structure being printed.
(def ^:dynamic ^:private *current-level* 0)
(def ^:dynamic ^:private *current-length* nil)

;; ---- small helpers ----

(def ^:private astral #"[\x{10000}-\x{10FFFF}]")

(defn- text-width
  "The width of s as the JVM counts it (UTF-16 units): a character outside the Basic
  Multilingual Plane counts 2, where Clove's count counts 1."
  [s]
  (let [n (count s)]
    (if-let [m (and s (re-seq astral s))] (+ n (count m)) n)))

(defn- spaces [n] (if (pos? n) (apply str (repeat n \space)) ""))

(defn- repeat-str [n s] (if (pos? n) (apply str (repeat n s)) ""))

(defn- map-passing-context
  "Calls (f x context) for each x of xs, threading the context; [results context]."
  [f context xs]
  (loop [context context xs (seq xs) acc []]
    (if xs
      (let [[result context] (f (first xs) context)]
        (recur context (next xs) (conj acc result)))
      [acc context])))

(defn- consume
  "Calls (f context) until its result is falsey; [results context]."
  [f context]
  (loop [context context acc []]
    (let [[result context] (f context)]
      (if result
        (recur context (conj acc result))
        [acc context]))))

;; ---- the pretty writer ----
;; A pretty writer is a map of volatiles: the base writer and its column, the right
;; margin, the miser width, the mode (:writing straight to the base, or :buffering while
;; a newline is undecided), the token buffer, the innermost logical block, the trailing
;; white space held back from the last text, and the position (characters since the start,
;; counted through the buffer). A logical block is a map whose start column, indentation
;; and newline flags are volatiles.

(defn- make-block [parent prefix per-line-prefix suffix]
  {:parent parent :prefix prefix :per-line-prefix per-line-prefix :suffix suffix
   :start-col (volatile! 0) :indent (volatile! 0)
   :done-nl (volatile! false) :intra-block-nl (volatile! false)})

(defn- make-pretty-writer [base right-margin miser-width]
  (let [lb (make-block nil nil nil nil)]
    {::pretty-writer true
     :base base :col (volatile! 0) :max right-margin :miser-width (volatile! miser-width)
     :mode (volatile! :writing) :buffer (volatile! []) :blocks (volatile! lb)
     :tws (volatile! nil) :pos (volatile! 0)
     :capture (java.io.StringWriter.)}))

(defn- base-write [pw ^String s]
  (when (pos? (count s))
    (.write (:base pw) s)
    (let [nl (string/last-index-of s "\n")]
      (if nl
        (vreset! (:col pw) (text-width (subs s (inc nl))))
        (vswap! (:col pw) + (text-width s))))))

(defn- ancestor? [parent child]
  (loop [child (:parent child)]
    (cond (nil? child) false
          (identical? parent child) true
          :else (recur (:parent child)))))

(defn- buffer-length [tokens]
  (if-let [s (seq tokens)]
    (- (:end-pos (if (vector? tokens) (peek tokens) (last s))) (:start-pos (first s)))
    0))

(defn- nl-token? [t] (identical? (:tag t) :nl))

(defn- write-white-space [pw]
  (when-let [tws @(:tws pw)]
    (base-write pw tws)
    (vreset! (:tws pw) nil)))

(defn- update-nl-state [lb]
  (vreset! (:intra-block-nl lb) false)
  (vreset! (:done-nl lb) true)
  (loop [lb (:parent lb)]
    (when lb
      (vreset! (:done-nl lb) true)
      (vreset! (:intra-block-nl lb) true)
      (recur (:parent lb)))))

(defn- emit-nl [pw token]
  (base-write pw "\n")
  (vreset! (:tws pw) nil)
  (let [lb (:lb token)
        prefix (:per-line-prefix lb)]
    (when prefix (base-write pw prefix))
    (base-write pw (spaces (- @(:indent lb) (text-width prefix))))
    (update-nl-state lb)))

(defn- write-token [pw token]
  (case (:tag token)
    :start (let [lb (:lb token)]
             (when-let [prefix (:prefix lb)] (base-write pw prefix))
             (let [col @(:col pw)]
               (vreset! (:start-col lb) col)
               (vreset! (:indent lb) col)))
    :end (when-let [suffix (:suffix (:lb token))] (base-write pw suffix))
    :indent (let [lb (:lb token)]
              (vreset! (:indent lb)
                       (+ (:offset token)
                          (if (= (:relative-to token) :block) @(:start-col lb) @(:col pw)))))
    :blob (base-write pw (:data token))
    :nl (do (if (or (= (:kind token) :mandatory)
                    (and (not= (:kind token) :fill) @(:done-nl (:lb token))))
              (emit-nl pw token)
              (when-let [tws @(:tws pw)] (base-write pw tws)))
            (vreset! (:tws pw) nil))))

(defn- write-tokens [pw tokens force-trailing-whitespace]
  (doseq [token tokens]
    (when-not (nl-token? token)
      (when-let [tws @(:tws pw)] (base-write pw tws)))
    (write-token pw token)
    (vreset! (:tws pw) (:tws token)))
  (let [tws @(:tws pw)]
    (when (and force-trailing-whitespace tws)
      (base-write pw tws)
      (vreset! (:tws pw) nil))))

(defn- tokens-fit? [pw tokens]
  (let [maxcol (:max pw)]
    (or (nil? maxcol)
        (< (+ @(:col pw) (buffer-length tokens)) maxcol))))

(defn- linear-nl? [pw lb section]
  (or @(:done-nl lb) (not (tokens-fit? pw section))))

(defn- miser-nl? [pw lb section]
  (let [miser-width @(:miser-width pw)
        maxcol (:max pw)]
    (and miser-width maxcol
         (>= @(:start-col lb) (- maxcol miser-width))
         (linear-nl? pw lb section))))

(defn- emit-nl? [token pw section subsection]
  (let [lb (:lb token)]
    (case (:kind token)
      :linear (linear-nl? pw lb section)
      :miser (miser-nl? pw lb section)
      :fill (or @(:intra-block-nl lb)
                (not (tokens-fit? pw subsection))
                (miser-nl? pw lb section))
      :mandatory true)))

(defn- get-section
  "The tokens after the newline at the head of buffer up to the next newline of an
  enclosing block, and the tokens after that newline."
  [buffer]
  (let [lb (:lb (first buffer))
        section (seq (take-while #(not (and (nl-token? %) (ancestor? (:lb %) lb)))
                                 (next buffer)))]
    [section (seq (drop (inc (count section)) buffer))]))

(defn- get-sub-section
  "The tokens after the newline at the head of buffer up to the next newline of the
  same block or an enclosing one."
  [buffer]
  (let [lb (:lb (first buffer))]
    (seq (take-while #(let [nl-lb (:lb %)]
                        (not (and (nl-token? %) (or (= nl-lb lb) (ancestor? nl-lb lb)))))
                     (next buffer)))))

(defn- split-at-newline [tokens]
  (let [pre (seq (take-while #(not (nl-token? %)) tokens))]
    [pre (seq (drop (count pre) tokens))]))

(defn- write-token-string
  "Writes the tokens before the first newline, decides that newline, and returns the
  tokens still undecided."
  [pw tokens]
  (let [[a b] (split-at-newline tokens)]
    (when a (write-tokens pw a false))
    (when b
      (let [[section remainder] (get-section b)
            newl (first b)
            do-nl (emit-nl? newl pw section (get-sub-section b))
            result (if do-nl
                     (do (emit-nl pw newl) (next b))
                     b)]
        (if (tokens-fit? pw result)
          result
          (let [rem2 (write-token-string pw section)]
            (if (= rem2 section)
              (do (write-tokens pw section false) remainder)
              (into [] (concat rem2 remainder)))))))))

(defn- write-line [pw]
  (loop [buffer @(:buffer pw)]
    (vreset! (:buffer pw) (into [] buffer))
    (when-not (tokens-fit? pw buffer)
      (let [new-buffer (write-token-string pw buffer)]
        (when-not (identical? buffer new-buffer)
          (recur new-buffer))))))

(defn- add-to-buffer [pw token]
  (vswap! (:buffer pw) conj token)
  (when-not (tokens-fit? pw @(:buffer pw))
    (write-line pw)))

(defn- write-buffered-output [pw]
  (write-line pw)
  (write-tokens pw @(:buffer pw) true)
  (vreset! (:buffer pw) []))

(defn- write-initial-lines
  "Writes the lines of s before its last newline; returns the text after it."
  [pw ^String s]
  (let [lines (string/split s #"\n" -1)]
    (if (= (count lines) 1)
      s
      (let [prefix (:per-line-prefix @(:blocks pw))
            l (first lines)]
        (if (= :buffering @(:mode pw))
          (let [oldpos @(:pos pw)
                newpos (+ oldpos (text-width l))]
            (vreset! (:pos pw) newpos)
            (add-to-buffer pw {:tag :blob :data l :tws nil :start-pos oldpos :end-pos newpos})
            (write-buffered-output pw))
          (do (write-white-space pw)
              (base-write pw l)))
        (base-write pw "\n")
        (doseq [l (next (butlast lines))]
          (base-write pw l)
          (base-write pw "\n")
          (when prefix (base-write pw prefix)))
        (peek lines)))))

(defn- pw-write
  "Sends the text s through the pretty writer pw."
  [pw ^String s0]
  (let [s0 (write-initial-lines pw s0)
        s (string/replace-first s0 #"\s+$" "")
        white-space (subs s0 (count s))]
    (if (= @(:mode pw) :writing)
      (do (write-white-space pw)
          (base-write pw s)
          (vreset! (:tws pw) (when (pos? (count white-space)) white-space)))
      (let [oldpos @(:pos pw)
            newpos (+ oldpos (text-width s0))]
        (vreset! (:pos pw) newpos)
        (add-to-buffer pw {:tag :blob :data s :tws (when (pos? (count white-space)) white-space)
                           :start-pos oldpos :end-pos newpos})))))

(defn- take-pending
  "Sends what was printed to pw's capture since its last operation through pw."
  [pw]
  (let [s (-take-string-writer (:capture pw))]
    (when (pos? (count s)) (pw-write pw s))))

(defn- pw-flush [pw]
  (take-pending pw)
  (if (= @(:mode pw) :buffering)
    (do (write-tokens pw @(:buffer pw) true)
        (vreset! (:buffer pw) []))
    (write-white-space pw)))

(defn- pw-start-block [pw prefix per-line-prefix suffix]
  (take-pending pw)
  (let [lb (make-block @(:blocks pw) prefix per-line-prefix suffix)]
    (vreset! (:blocks pw) lb)
    (if (= @(:mode pw) :writing)
      (do (write-white-space pw)
          (when prefix (base-write pw prefix))
          (let [col @(:col pw)]
            (vreset! (:start-col lb) col)
            (vreset! (:indent lb) col)))
      (let [oldpos @(:pos pw)
            newpos (+ oldpos (text-width prefix))]
        (vreset! (:pos pw) newpos)
        (add-to-buffer pw {:tag :start :lb lb :start-pos oldpos :end-pos newpos})))))

(defn- pw-end-block [pw]
  (take-pending pw)
  (let [lb @(:blocks pw)
        suffix (:suffix lb)]
    (if (= @(:mode pw) :writing)
      (do (write-white-space pw)
          (when suffix (base-write pw suffix)))
      (let [oldpos @(:pos pw)
            newpos (+ oldpos (text-width suffix))]
        (vreset! (:pos pw) newpos)
        (add-to-buffer pw {:tag :end :lb lb :start-pos oldpos :end-pos newpos})))
    (vreset! (:blocks pw) (:parent lb))))

(defn- pw-nl [pw kind]
  (take-pending pw)
  (vreset! (:mode pw) :buffering)
  (let [pos @(:pos pw)]
    (add-to-buffer pw {:tag :nl :kind kind :lb @(:blocks pw) :start-pos pos :end-pos pos})))

(defn- pw-indent [pw relative-to offset]
  (take-pending pw)
  (let [lb @(:blocks pw)]
    (if (= @(:mode pw) :writing)
      (do (write-white-space pw)
          (vreset! (:indent lb) (+ offset (if (= relative-to :block) @(:start-col lb) @(:col pw)))))
      (let [pos @(:pos pw)]
        (add-to-buffer pw {:tag :indent :lb lb :relative-to relative-to :offset offset
                           :start-pos pos :end-pos pos})))))

(defn- pw-column
  "The column of pw's base writer after what has been printed so far (pending text is
  sent through first)."
  [pw]
  (take-pending pw)
  @(:col pw))

;; The pretty writers in use, by their capture writer: the innermost one of pprint,
;; write or cl-format is also in *pw*; get-pretty-writer's live in the registry.
(def ^:dynamic ^:private *pw* nil)
(def ^:private registry (atom {}))

(defn- pretty-writer-of
  "The pretty writer whose capture is the writer w, or nil."
  [w]
  (let [pw *pw*]
    (if (and pw (identical? w (:capture pw)))
      pw
      (get @registry w))))

(defn- pretty-writer? [w] (boolean (pretty-writer-of w)))

(defn- current-pw
  "The pretty writer *out* belongs to; IllegalArgumentException when *out* is not one."
  [what]
  (or (pretty-writer-of *out*)
      (throw (IllegalArgumentException.
              (str what " needs *out* to be a pretty writer (inside pprint, write, cl-format"
                   " or a binding of *out* to get-pretty-writer's result)")))))

(defn- call-with-pretty-writer
  "Calls f with *out* bound to a pretty writer over base (base itself when it is one
  already), and flushes that writer when f returns."
  [base f]
  (if-let [pw (pretty-writer-of base)]
    (binding [*out* base *pw* pw]
      (f)
      (pw-flush pw))
    (let [pw (make-pretty-writer base *print-right-margin* *print-miser-width*)]
      (binding [*out* (:capture pw) *pw* pw]
        (f)
        (pw-flush pw)))))

(defmacro ^:private with-pretty-writer [base-writer & body]
  `(call-with-pretty-writer ~base-writer (fn [] ~@body)))

(defn get-pretty-writer
  "Returns the java.io.Writer passed in wrapped in a pretty writer proxy, unless it's
  already a pretty writer. Generally, it is unnecessary to call this function, since
  pprint, write, and cl-format all call it if they need to. However if you want the
  state to be preserved across calls, you will want to wrap them with this.

  For example, when you want to generate column-aware output with multiple calls to
  cl-format, do it like in this example:

      (binding [*out* (get-pretty-writer *out*)]
        (doseq [row aseq]
          (doseq [col row]
            (cl-format true \"~4D~7,vT\" col column-width))
          (prn))
        (.flush *out*))

  In Clove the result is a java.io.StringWriter that the pretty writer reads: text
  printed to it reaches writer at the pretty writer's next operation or at the end of
  the next pprint, write or cl-format call on it (Clove cannot intercept .flush)."
  [writer]
  (if (pretty-writer? writer)
    writer
    (let [pw (make-pretty-writer writer *print-right-margin* *print-miser-width*)]
      (swap! registry assoc (:capture pw) pw)
      (:capture pw))))

;; ---- numbers in other bases (write's :base and :radix, cl-format's ~B ~O ~X ~R) ----

(defn- remainders
  "The digits of the non-negative integer n in base, most significant first."
  [base n]
  (loop [n n acc ()]
    (if (pos? n)
      (recur (quot n base) (conj acc (rem n base)))
      acc)))

(defn- base-str
  "The non-negative integer n written in base (2 to 36), lower-case digits."
  [base n]
  (if (zero? n)
    "0"
    (apply str (map #(if (< % 10) (char (+ (int \0) %)) (char (+ (int \a) (- % 10))))
                    (remainders base n)))))

(def ^:private special-radix-markers {2 "#b" 8 "#o" 16 "#x"})

(defn- radix-marker []
  (when *print-radix*
    (or (get special-radix-markers *print-base*) (str "#" *print-base* "r"))))

(defn- signed-base-str
  "n in base as the JVM's pprint writes it: a negative long in base 8 or 16 in two's
  complement (Java's %o and %x), any other negative number not at all (its digit loop
  stops at once), except in base 10."
  [base n]
  (cond
    (not (neg? n)) (base-str base n)
    (= base 10) (str n)
    (and (#{8 16} base) (instance? Long n)) (base-str base (+ n 18446744073709551616N))
    :else ""))

(defn- format-simple-number
  "n as *print-base* and *print-radix* say, or nil when n is not an integer or ratio."
  [n]
  (cond
    (integer? n) (if (= *print-base* 10)
                   (str n (when *print-radix* "."))
                   (str (radix-marker) (signed-base-str *print-base* n)))
    (ratio? n) (str (radix-marker)
                    (signed-base-str *print-base* (numerator n))
                    "/"
                    (base-str *print-base* (denominator n)))
    :else nil))

(defn- pr-simple
  "pr, with integers and ratios in *print-base* (as the JVM's pprint and write rebind pr
  while *print-base* is not 10 or *print-radix* is set)."
  [x]
  (if-let [s (and (or (not= *print-base* 10) *print-radix*) (format-simple-number x))]
    (print s)
    (pr x)))

;; ---- write-out, write, pprint ----

(defn write-out
  "Write an object to *out* subject to the current bindings of the printer control
  variables. Use the kw-args argument to override individual variables for this call
  (and any recursive calls).

  *out* must be a PrettyWriter if pretty printing is enabled. This is the
  responsibility of the caller.

  This method is primarily intended for use by pretty print dispatch functions that
  already know that the pretty printer will have set up their environment
  appropriately. Normal library clients should use the standard \"write\" interface.
  Returns true when *print-length* was reached (and \"...\" printed instead of object)."
  [object]
  (let [length-reached (and *current-length*
                            *print-length*
                            (>= *current-length* *print-length*))]
    (if-not *print-pretty*
      (pr-simple object)
      (if length-reached
        (print "...")
        (do
          (when *current-length* (set! *current-length* (inc *current-length*)))
          (*print-pprint-dispatch* object))))
    length-reached))

(def ^:private write-option-table
  {:base #'*print-base*
   :circle #'*print-circle*
   :length #'clojure.core/*print-length*
   :level #'clojure.core/*print-level*
   :lines #'*print-lines*
   :miser-width #'*print-miser-width*
   :dispatch #'*print-pprint-dispatch*
   :pretty #'*print-pretty*
   :radix #'*print-radix*
   :readably #'clojure.core/*print-readably*
   :right-margin #'*print-right-margin*
   :suppress-namespaces #'*print-suppress-namespaces*})

(defn write
  "Write an object subject to the current bindings of the printer control variables.
  Use the kw-args argument to override individual variables for this call (and any
  recursive calls). Returns the string result if :stream is nil or nil otherwise.

  The following keyword arguments can be passed with values:
    Keyword              Meaning                              Default value
    :stream              Writer for output or nil             true (indicates *out*)
    :base                Base to use for writing rationals    Current value of *print-base*
    :circle*             If true, mark circular structures    Current value of *print-circle*
    :length              Maximum elements to show in sublists Current value of *print-length*
    :level               Maximum depth                        Current value of *print-level*
    :lines*              Maximum lines of output              Current value of *print-lines*
    :miser-width         Width to enter miser mode            Current value of *print-miser-width*
    :dispatch            The pretty print dispatch function   Current value of *print-pprint-dispatch*
    :pretty              If true, do pretty printing          Current value of *print-pretty*
    :radix               If true, prepend a radix specifier   Current value of *print-radix*
    :readably*           If true, print readably              Current value of *print-readably*
    :right-margin        The column for the right margin      Current value of *print-right-margin*
    :suppress-namespaces If true, no namespaces in symbols    Current value of *print-suppress-namespaces*

    * = not yet supported"
  [object & kw-args]
  (let [options (merge {:stream true} (apply hash-map kw-args))
        bindings (into {} (keep (fn [[k v]] (when-let [var (write-option-table k)] [var v])))
                       options)]
    (push-thread-bindings bindings)
    (try
      (let [optval (:stream options)
            base-writer (condp = optval
                          nil (java.io.StringWriter.)
                          true *out*
                          optval)]
        (if *print-pretty*
          (with-pretty-writer base-writer
            (write-out object))
          (binding [*out* base-writer]
            (pr-simple object)))
        (when (nil? optval)
          (str base-writer)))
      (finally (pop-thread-bindings)))))

(defn pprint
  "Pretty print object to the optional output writer. If the writer is not provided,
  print the object to the currently bound value of *out*. The output ends with a
  newline. Lines break as the dispatch function (*print-pprint-dispatch*,
  simple-dispatch by default) asks and *print-right-margin*, *print-miser-width*,
  *print-length* and *print-level* allow. Returns nil."
  ([object] (pprint object *out*))
  ([object writer]
   (with-pretty-writer writer
     (binding [*print-pretty* true]
       (write-out object))
     (.write *out* "\n"))))

(defmacro pp
  "A convenience macro that pretty prints the last thing output. This is exactly
  equivalent to (pprint *1)."
  []
  `(pprint *1))

(defn set-pprint-dispatch
  "Set the pretty print dispatch function to a function matching (fn [obj] ...) where
  obj is the object to pretty print. That function will be called with *out* set to a
  pretty printing writer to which it should do its printing.

  For example functions, see simple-dispatch and code-dispatch."
  [function]
  (alter-var-root #'*print-pprint-dispatch* (constantly function))
  nil)

(defmacro with-pprint-dispatch
  "Execute body with the pretty print dispatch function bound to function."
  [function & body]
  `(binding [*print-pprint-dispatch* ~function]
     ~@body))

;; ---- the functional interface to the pretty printer ----

(defn- parse-lb-options [opts body]
  (loop [body body acc []]
    (if (opts (first body))
      (recur (drop 2 body) (concat acc (take 2 body)))
      [(apply hash-map acc) body])))

(defn- check-enumerated-arg [arg choices]
  (when-not (choices arg)
    (throw (IllegalArgumentException. (str "Bad argument: " arg ". It must be one of " choices)))))

(defn- level-exceeded []
  (and *print-level* (>= *current-level* *print-level*)))

(defn- call-logical-block
  "Runs f as the body of a logical block (pprint-logical-block's expansion)."
  [prefix per-line-prefix suffix f]
  (if (level-exceeded)
    (.write *out* "#")
    (binding [*current-level* (inc *current-level*)
              *current-length* 0]
      (let [pw (current-pw "pprint-logical-block")]
        (pw-start-block pw prefix per-line-prefix suffix)
        (f)
        (pw-end-block (current-pw "pprint-logical-block")))))
  nil)

(defmacro pprint-logical-block
  "Execute the body as a pretty printing logical block with output to *out* which must
  be a pretty printing writer. When used from pprint or cl-format, this can be assumed.

  This function is intended for use when writing custom dispatch functions.

  Before the body, the caller can optionally specify options: :prefix,
  :per-line-prefix, and :suffix (strings). Past *print-level* it writes \"#\" instead
  of running body. IllegalArgumentException when *out* is not a pretty writer. Returns
  nil."
  {:arglists '[[options* body]]}
  [& args]
  (let [[options body] (parse-lb-options #{:prefix :per-line-prefix :suffix} args)]
    `(#'clojure.pprint/call-logical-block ~(:prefix options) ~(:per-line-prefix options)
                                          ~(:suffix options) (fn [] ~@body))))

(defn pprint-newline
  "Print a conditional newline to a pretty printing stream. kind specifies if the
  newline is :linear, :miser, :fill, or :mandatory (else IllegalArgumentException; so
  is an *out* that is not a pretty writer).

  This function is intended for use when writing custom dispatch functions.

  Output is sent to *out* which must be a pretty printing writer."
  [kind]
  (check-enumerated-arg kind #{:linear :miser :fill :mandatory})
  (pw-nl (current-pw "pprint-newline") kind))

(defn pprint-indent
  "Create an indent at this point in the pretty printing stream. This defines how
  following lines are indented. relative-to can be either :block or :current depending
  whether the indent should be computed relative to the start of the logical block or
  the current column position (else IllegalArgumentException; so is an *out* that is
  not a pretty writer). n is an offset.

  This function is intended for use when writing custom dispatch functions.

  Output is sent to *out* which must be a pretty printing writer."
  [relative-to n]
  (check-enumerated-arg relative-to #{:block :current})
  (pw-indent (current-pw "pprint-indent") relative-to n))

(defn pprint-tab
  "Tab at this point in the pretty printing stream. kind specifies whether the tab is
  :line, :section, :line-relative, or :section-relative.

  Colnum and colinc specify the target column and the increment to move the target
  forward if the output is already past the original target.

  This function is intended for use when writing custom dispatch functions.

  Output is sent to *out* which must be a pretty printing writer.

  THIS FUNCTION IS NOT YET IMPLEMENTED (as in Clojure): it throws
  UnsupportedOperationException after checking kind."
  [kind colnum colinc]
  (check-enumerated-arg kind #{:line :section :line-relative :section-relative})
  (throw (UnsupportedOperationException. "pprint-tab is not yet implemented")))

(defn- pll-mod-body [var-sym body]
  (letfn [(inner [form]
            (if (seq? form)
              (let [form (macroexpand form)]
                (condp = (first form)
                  'loop* form
                  'recur (concat `(recur (inc ~var-sym)) (rest form))
                  (walk/walk inner identity form)))
              form))]
    (walk/walk inner identity body)))

(defmacro print-length-loop
  "A version of loop that iterates at most *print-length* times (then writes \"...\").
  This is designed for use in pretty-printer dispatch functions."
  [bindings & body]
  (let [count-var (gensym "length-count")
        mod-body (pll-mod-body count-var body)]
    `(loop ~(apply vector count-var 0 bindings)
       (if (or (not *print-length*) (< ~count-var *print-length*))
         (do ~@mod-body)
         (.write *out* "...")))))

(defn fresh-line
  "Make a newline if *out* is not already at the beginning of the line. If *out* is not
  a pretty writer (which keeps track of columns), this function always outputs a
  newline."
  []
  (if-let [pw (pretty-writer-of *out*)]
    (when-not (= 0 (pw-column pw))
      (prn))
    (prn)))

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
        base-width (text-width base-output)
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
            raw-str (base-str base pos-arg)
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

(defn- nth-num
  "(nth v i) for any number i, truncated as Java's intValue (the JVM's ~R accepts a
  float argument that way)."
  [v i]
  (nth v (long i)))

(defn- format-simple-cardinal
  "A number below 1000 as English cardinal words (\"\" for 0)."
  [num]
  (let [hundreds (quot num 100)
        tens (rem num 100)]
    (str
     (when (pos? hundreds) (str (nth-num english-cardinal-units hundreds) " hundred"))
     (when (and (pos? hundreds) (pos? tens)) " ")
     (when (pos? tens)
       (if (< tens 20)
         (nth-num english-cardinal-units tens)
         (let [ten-digit (quot tens 10)
               unit-digit (rem tens 10)]
           (str (when (pos? ten-digit) (nth-num english-cardinal-tens ten-digit))
                (when (and (pos? ten-digit) (pos? unit-digit)) "-")
                (when (pos? unit-digit) (nth-num english-cardinal-units unit-digit)))))))))

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
     (when (pos? hundreds) (str (nth-num english-cardinal-units hundreds) " hundred"))
     (when (and (pos? hundreds) (pos? tens)) " ")
     (if (pos? tens)
       (if (< tens 20)
         (nth-num english-ordinal-units tens)
         (let [ten-digit (quot tens 10)
               unit-digit (rem tens 10)]
           (if (and (pos? ten-digit) (not (pos? unit-digit)))
             (nth-num english-ordinal-tens ten-digit)
             (str (when (pos? ten-digit) (nth-num english-cardinal-tens ten-digit))
                  (when (and (pos? ten-digit) (pos? unit-digit)) "-")
                  (when (pos? unit-digit) (nth-num english-ordinal-units unit-digit))))))
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
                                            (nth-num (nth table (- n i 1)) (dec d))))
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
        [mantissa exp] (float-parts (abs (if (ratio? arg) (double arg) arg)))
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
        chars (reduce + (map text-width strs))
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

;; ---- the dispatch tables ----

(def ^:private reader-macros
  {'quote "'" 'clojure.core/deref "@" 'var "#'" 'clojure.core/unquote "~"})

(defn- pprint-reader-macro [alis]
  (let [macro-char (reader-macros (first alis))]
    (when (and macro-char (= 2 (count alis)))
      (.write *out* macro-char)
      (write-out (second alis))
      true)))

(defn- pprint-simple-list [alis]
  (pprint-logical-block :prefix "(" :suffix ")"
    (print-length-loop [alis (seq alis)]
      (when alis
        (write-out (first alis))
        (when (next alis)
          (.write *out* " ")
          (pprint-newline :linear)
          (recur (next alis)))))))

(defn- pprint-list [alis]
  (when-not (pprint-reader-macro alis)
    (pprint-simple-list alis)))

(defn- pprint-vector [avec]
  (pprint-logical-block :prefix "[" :suffix "]"
    (print-length-loop [aseq (seq avec)]
      (when aseq
        (write-out (first aseq))
        (when (next aseq)
          (.write *out* " ")
          (pprint-newline :linear)
          (recur (next aseq)))))))

(def ^:private pprint-array (formatter-out "~<[~;~@{~w~^, ~:_~}~;]~:>"))

(declare pprint-map-entries)

(defn- lift-ns
  "[namespace entries-without-it] when *print-namespace-maps* is true and every key of m
  is a keyword or symbol of one namespace (printed as #:ns{...}), else nil."
  [m]
  (when *print-namespace-maps*
    (loop [ns nil entries (seq m) kvs []]
      (if-let [[k v] (first entries)]
        (when (and (qualified-ident? k) (or (nil? ns) (= ns (namespace k))))
          (recur (namespace k) (next entries)
                 (conj kvs [(if (keyword? k) (keyword (name k)) (symbol (name k))) v])))
        (when ns [ns kvs])))))

(defn- pprint-map [amap]
  (let [[ns lifted] (when-not (record? amap) (lift-ns amap))]
    (pprint-map-entries (if ns (str "#:" ns "{") "{") (or lifted amap))))

(defn- pprint-map-entries [prefix entries]
  (pprint-logical-block :prefix prefix :suffix "}"
    (print-length-loop [aseq (seq entries)]
      (when aseq
        (pprint-logical-block
          (write-out (ffirst aseq))
          (.write *out* " ")
          (pprint-newline :linear)
          (set! *current-length* 0)
          (write-out (fnext (first aseq))))
        (when (next aseq)
          (.write *out* ", ")
          (pprint-newline :linear)
          (recur (next aseq)))))))

(defn- pprint-set [aset]
  (pprint-logical-block :prefix "#{" :suffix "}"
    (print-length-loop [aseq (seq aset)]
      (when aseq
        (write-out (first aseq))
        (when (next aseq)
          (.write *out* " ")
          (pprint-newline :linear)
          (recur (next aseq)))))))

(defn- pprint-ideref [o]
  (let [prefix (format "#<%s@%x%s: "
                       (let [n (str (class o))] (subs n (inc (or (string/last-index-of n ".") -1))))
                       (hash o)
                       "")]
    (pprint-logical-block :prefix prefix :suffix ">"
      (pprint-indent :block (-> (count prefix) (- 2) -))
      (pprint-newline :linear)
      (write-out (cond
                   (and (instance? clojure.lang.IPending o) (not (realized? o))) :not-delivered
                   :else @o)))))

(def ^:private pprint-pqueue (formatter-out "~<<-(~;~@{~w~^ ~_~}~;)-<~:>"))

(defn- pprint-simple-default [obj]
  (cond
    (-array? obj) (pprint-array obj)
    (and *print-suppress-namespaces* (symbol? obj)) (print (name obj))
    :else (pr-simple obj)))

(defmulti simple-dispatch
  "The pretty print dispatch function for simple data structure format."
  {:arglists '[[object]]}
  class)

(defmethod simple-dispatch clojure.lang.ISeq [x] (pprint-list x))
(defmethod simple-dispatch clojure.lang.IPersistentVector [x] (pprint-vector x))
(defmethod simple-dispatch clojure.lang.IPersistentMap [x] (pprint-map x))
(defmethod simple-dispatch clojure.lang.IPersistentSet [x] (pprint-set x))
(defmethod simple-dispatch clojure.lang.PersistentQueue [x] (pprint-pqueue x))
(defmethod simple-dispatch clojure.lang.Var [x] (pprint-simple-default x))
(defmethod simple-dispatch clojure.lang.IDeref [x] (pprint-ideref x))
(defmethod simple-dispatch nil [x] (pr-simple x))
(defmethod simple-dispatch :default [x] (pprint-simple-default x))

;; ---- code-dispatch ----

(declare pprint-simple-code-list)

(defn- brackets [form]
  (if (vector? form) ["[" "]"] ["(" ")"]))

(defn- pprint-ns-reference [reference]
  (if (sequential? reference)
    (let [[start end] (brackets reference)
          [keyw & args] reference]
      (pprint-logical-block :prefix start :suffix end
        ((formatter-out "~w~:i") keyw)
        (loop [args args]
          (when (seq args)
            ((formatter-out " "))
            (let [arg (first args)]
              (if (sequential? arg)
                (let [[start end] (brackets arg)]
                  (pprint-logical-block :prefix start :suffix end
                    (if (and (= (count arg) 3) (keyword? (second arg)))
                      (let [[ns kw lis] arg]
                        ((formatter-out "~w ~w ") ns kw)
                        (if (sequential? lis)
                          ((formatter-out (if (vector? lis)
                                            "~<[~;~@{~w~^ ~:_~}~;]~:>"
                                            "~<(~;~@{~w~^ ~:_~}~;)~:>"))
                           lis)
                          (write-out lis)))
                      (apply (formatter-out "~w ~:i~@{~w~^ ~:_~}") arg)))
                  (when (next args)
                    ((formatter-out "~_"))))
                (do
                  (write-out arg)
                  (when (next args)
                    ((formatter-out "~:_"))))))
            (recur (next args))))))
    (when reference (write-out reference))))

(defn- pprint-ns [alis]
  (if (next alis)
    (let [[ns-sym ns-name & stuff] alis
          [doc-str stuff] (if (string? (first stuff))
                            [(first stuff) (next stuff)]
                            [nil stuff])
          [attr-map references] (if (map? (first stuff))
                                  [(first stuff) (next stuff)]
                                  [nil stuff])]
      (pprint-logical-block :prefix "(" :suffix ")"
        ((formatter-out "~w ~1I~@_~w") ns-sym ns-name)
        (when (or doc-str attr-map (seq references))
          ((formatter-out "~@:_")))
        (when doc-str
          (cl-format true "\"~a\"~:[~;~:@_~]" doc-str (or attr-map (seq references))))
        (when attr-map
          ((formatter-out "~w~:[~;~:@_~]") attr-map (seq references)))
        (loop [references references]
          (pprint-ns-reference (first references))
          (when-let [references (next references)]
            (pprint-newline :linear)
            (recur references)))))
    (write-out alis)))

(def ^:private pprint-hold-first (formatter-out "~:<~w~^ ~@_~w~^ ~_~@{~w~^ ~_~}~:>"))

(defn- single-defn [alis has-doc-str?]
  (when (seq alis)
    (if has-doc-str?
      ((formatter-out " ~_"))
      ((formatter-out " ~@_")))
    ((formatter-out "~{~w~^ ~_~}") alis)))

(defn- multi-defn [alis has-doc-str?]
  (when (seq alis)
    ((formatter-out " ~_~{~w~^ ~_~}") alis)))

(defn- pprint-defn [alis]
  (if (next alis)
    (let [[defn-sym defn-name & stuff] alis
          [doc-str stuff] (if (string? (first stuff))
                            [(first stuff) (next stuff)]
                            [nil stuff])
          [attr-map stuff] (if (map? (first stuff))
                             [(first stuff) (next stuff)]
                             [nil stuff])]
      (pprint-logical-block :prefix "(" :suffix ")"
        ((formatter-out "~w ~1I~@_~w") defn-sym defn-name)
        (when doc-str
          ((formatter-out " ~_~w") doc-str))
        (when attr-map
          ((formatter-out " ~_~w") attr-map))
        (if (vector? (first stuff))
          (single-defn stuff (or doc-str attr-map))
          (multi-defn stuff (or doc-str attr-map)))))
    (pprint-simple-code-list alis)))

(defn- pprint-binding-form [binding-vec]
  (pprint-logical-block :prefix "[" :suffix "]"
    (print-length-loop [binding binding-vec]
      (when (seq binding)
        (pprint-logical-block
          (write-out (first binding))
          (when (next binding)
            (.write *out* " ")
            (pprint-newline :miser)
            (write-out (second binding))))
        (when (next (rest binding))
          (.write *out* " ")
          (pprint-newline :linear)
          (recur (next (rest binding))))))))

(defn- pprint-let [alis]
  (let [base-sym (first alis)]
    (pprint-logical-block :prefix "(" :suffix ")"
      (if (and (next alis) (vector? (second alis)))
        (do
          ((formatter-out "~w ~1I~@_") base-sym)
          (pprint-binding-form (second alis))
          ((formatter-out " ~_~{~w~^ ~_~}") (next (rest alis))))
        (pprint-simple-code-list alis)))))

(def ^:private pprint-if (formatter-out "~:<~1I~w~^ ~@_~w~@{ ~_~w~}~:>"))

(defn- pprint-pairs
  "The rest of a cond-like form: pairs, each in a block of its own, on linear newlines."
  [alis]
  (print-length-loop [alis alis]
    (when alis
      (pprint-logical-block
        (write-out (first alis))
        (when (next alis)
          (.write *out* " ")
          (pprint-newline :miser)
          (write-out (second alis))))
      (when (next (rest alis))
        (.write *out* " ")
        (pprint-newline :linear)
        (recur (next (rest alis)))))))

(defn- pprint-cond [alis]
  (pprint-logical-block :prefix "(" :suffix ")"
    (pprint-indent :block 1)
    (write-out (first alis))
    (when (next alis)
      (.write *out* " ")
      (pprint-newline :linear)
      (pprint-pairs (next alis)))))

(defn- pprint-condp [alis]
  (if (> (count alis) 3)
    (pprint-logical-block :prefix "(" :suffix ")"
      (pprint-indent :block 1)
      (apply (formatter-out "~w ~@_~w ~@_~w ~_") alis)
      (pprint-pairs (seq (drop 3 alis))))
    (pprint-simple-code-list alis)))

(def ^:dynamic ^:private *symbol-map* {})

(defn- pprint-anon-func [alis]
  (let [args (second alis)
        nlis (first (rest (rest alis)))]
    (if (vector? args)
      (binding [*symbol-map* (if (= 1 (count args))
                               {(first args) "%"}
                               (into {} (map #(vector %1 (str \% %2))
                                             args
                                             (range 1 (inc (count args))))))]
        ((formatter-out "~<#(~;~@{~w~^ ~_~}~;)~:>") nlis))
      (pprint-simple-code-list alis))))

(defn- pprint-simple-code-list [alis]
  (pprint-logical-block :prefix "(" :suffix ")"
    (pprint-indent :block 1)
    (print-length-loop [alis (seq alis)]
      (when alis
        (write-out (first alis))
        (when (next alis)
          (.write *out* " ")
          (pprint-newline :linear)
          (recur (next alis)))))))

(defn- two-forms
  "amap with each namespaced symbol key also present without its namespace."
  [amap]
  (into {} (mapcat identity
                   (for [x amap]
                     [x [(symbol (name (first x))) (second x)]]))))

(defn- add-core-ns [amap]
  (let [core "clojure.core"]
    (into {} (map #(let [[s f] %]
                     (if (not (or (namespace s) (special-symbol? s)))
                       [(symbol core (name s)) f]
                       %))
                  amap))))

(def ^:dynamic ^:private *code-table*
  (two-forms
   (add-core-ns
    {'def pprint-hold-first, 'defonce pprint-hold-first,
     'defn pprint-defn, 'defn- pprint-defn, 'defmacro pprint-defn, 'fn pprint-defn,
     'let pprint-let, 'loop pprint-let, 'binding pprint-let,
     'with-local-vars pprint-let, 'with-open pprint-let, 'when-let pprint-let,
     'if-let pprint-let, 'doseq pprint-let, 'dotimes pprint-let,
     'when-first pprint-let,
     'if pprint-if, 'if-not pprint-if, 'when pprint-if, 'when-not pprint-if,
     'cond pprint-cond, 'condp pprint-condp,
     'fn* pprint-anon-func,
     '. pprint-hold-first, '.. pprint-hold-first, '-> pprint-hold-first,
     'locking pprint-hold-first, 'struct pprint-hold-first,
     'struct-map pprint-hold-first, 'ns pprint-ns})))

(defn- pprint-code-list [alis]
  (when-not (pprint-reader-macro alis)
    (if-let [special-form (*code-table* (first alis))]
      (special-form alis)
      (pprint-simple-code-list alis))))

(defn- pprint-code-symbol [sym]
  (if-let [arg-num (sym *symbol-map*)]
    (print arg-num)
    (if *print-suppress-namespaces*
      (print (name sym))
      (pr sym))))

(defmulti code-dispatch
  "The pretty print dispatch function for pretty printing Clojure code."
  {:arglists '[[object]]}
  class)

(defmethod code-dispatch clojure.lang.ISeq [x] (pprint-code-list x))
(defmethod code-dispatch clojure.lang.Symbol [x] (pprint-code-symbol x))
(defmethod code-dispatch clojure.lang.IPersistentVector [x] (pprint-vector x))
(defmethod code-dispatch clojure.lang.IPersistentMap [x] (pprint-map x))
(defmethod code-dispatch clojure.lang.IPersistentSet [x] (pprint-set x))
(defmethod code-dispatch clojure.lang.PersistentQueue [x] (pprint-pqueue x))
(defmethod code-dispatch clojure.lang.IDeref [x] (pprint-ideref x))
(defmethod code-dispatch nil [x] (pr-simple x))
(defmethod code-dispatch :default [x] (pprint-simple-default x))

(set-pprint-dispatch simple-dispatch)

;; ---- print-table ----

(defn print-table
  "Prints a collection of maps in a textual table. Prints table headings ks, and then a
  line of output for each row, corresponding to the keys in ks. If ks are not
  specified, use the keys of the first item in rows. Prints nothing when rows is empty.
  Each column is as wide as the widest of its heading and values (as str prints them),
  values right-aligned."
  ([ks rows]
   (when (seq rows)
     (let [cell (fn [row k] (str (get row k)))
           widths (vec (for [k ks]
                         (reduce max (count (str k)) (map #(count (cell % k)) rows))))
           line (fn [left sep right texts]
                  (println (str left
                                (string/join sep (map #(format (str "%" %1 "s") %2) widths texts))
                                right)))]
       (println)
       (line "| " " | " " |" (map str ks))
       (line "|-" "-+-" "-|" (map #(repeat-str % "-") widths))
       (doseq [row rows]
         (line "| " " | " " |" (map #(cell row %) ks))))))
  ([rows] (print-table (keys (first rows)) rows)))
