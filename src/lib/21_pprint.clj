;; lazy-ns: clojure.pprint
;; 21_pprint.clj: clojure.pprint (SPEC L16, L17), loaded on the first
;; (require 'clojure.pprint). The pretty printer is the XP algorithm as Clojure's
;; clojure/pprint (Tom Faulhaber) implements it, so that lines break where the JVM breaks
;; them: output is a stream of tokens (text, logical block starts and ends, conditional
;; newlines of kind :linear :fill :miser :mandatory, indentations) kept in a buffer while
;; a newline is pending, and a newline is taken when the section after it does not fit
;; before the right margin. cl-format is in 22_pprint_cl_format.clj, loaded from here
;; before the dispatch tables (some of which are cl-format strings).
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
        (vreset! (:col pw) (- (count s) nl 1))
        (vswap! (:col pw) + (count s))))))

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
    (base-write pw (spaces (- @(:indent lb) (count prefix))))
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
                newpos (+ oldpos (count l))]
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
            newpos (+ oldpos (count s0))]
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
            newpos (+ oldpos (count prefix))]
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
            newpos (+ oldpos (count suffix))]
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

;; cl-format and its directives: a file of their own, as in Clojure.
(load "/clojure/pprint/cl_format")

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
