;; lazy-ns: clojure.main
;; 21_main.clj: clojure.main (issue 18), loaded on the first (require 'clojure.main).
;; What is here: turning an exception into the one-paragraph report Clojure 1.10+ prints
;; (Throwable->map data -> ex-triage -> ex-str), the pieces a REPL is assembled from (repl
;; and its :read :eval :print :caught hooks, repl-read, repl-prompt, with-bindings), and
;; main with its command-line options. Written for Clove from clojure.main's documented
;; behaviour and from experiments against JVM Clojure.
;; Clove's trace elements are [sym method file line] (Throwable->map), where sym is
;; already a Clojure name (user/f, or fn for an anonymous function); elements in the JVM's
;; shape (munged class names such as user$f$fn__12) are understood too.
;; Clove's own REPL is `clove repl` (cli/repl.cpp); this one reads *in* with `read`, so
;; there is no skip-whitespace or skip-if-eol (docs/differences.md).

(ns clojure.main
  "Clojure's REPL and script runner as a library: error triage and reporting
  (ex-triage, ex-str, err->msg), the parts of a read-eval-print loop (repl and its
  hooks) and main, which handles clojure.main's command-line options."
  (:refer-clojure :exclude [with-bindings])
  (:require [clojure.string :as str]))

;; ---------------------------------------------------------------------------
;; Names: munged class names back to Clojure names

(def ^:private unmunge-table
  {"_COLON_" ":" "_PLUS_" "+" "_GT_" ">" "_LT_" "<" "_EQ_" "=" "_TILDE_" "~"
   "_BANG_" "!" "_CIRCA_" "@" "_SHARP_" "#" "_SINGLEQUOTE_" "'" "_DOUBLEQUOTE_" "\""
   "_PERCENT_" "%" "_CARET_" "^" "_AMPERSAND_" "&" "_STAR_" "*" "_BAR_" "|"
   "_LBRACE_" "{" "_RBRACE_" "}" "_LBRACK_" "[" "_RBRACK_" "]" "_SLASH_" "/"
   "_BSLASH_" "\\" "_QMARK_" "?"})

;; Longest names first, then a lone underscore (a dash) and the class separator.
(def ^:private munged-piece
  (re-pattern (str/join "|" (concat (sort-by #(- (count %)) (keys unmunge-table))
                                    ["_" "\\$"]))))

(defn- unmunge-piece [piece]
  (or (unmunge-table piece)
      (if (= piece "$") "/" "-")))

(defn demunge
  "Turns fn-name, the name of a class the JVM Clojure compiler made for a function
  (\"clojure.core$map$fn__5847\"), back into the Clojure name it stands for
  (\"clojure.core/map/fn--5847\"): each munged character sequence becomes its
  character, an underscore a dash and each $ a slash. Returns a string."
  [fn-name]
  (str/replace (str fn-name) munged-piece unmunge-piece))

;; ---------------------------------------------------------------------------
;; Exceptions and trace elements

(defn root-cause
  "The innermost exception of t: follows the chain of causes from t until an exception
  that has none, and returns it (t itself when t has no cause)."
  [t]
  (loop [e t]
    (let [inner (ex-cause e)]
      (if (nil? inner) e (recur inner)))))

(def ^:private invoke-methods #{"invoke" "doInvoke" "invokeStatic" "invokePrim"})

(defn- frame-name
  "How a trace element's function is shown: a Clojure name when the element names a
  function, Class.method for a host method."
  [[who method]]
  (let [who (str who)]
    (cond (str/includes? who "$") (demunge who)
          (or (nil? method) (invoke-methods (str method))) who
          :else (str who "." method))))

(defn stack-element-str
  "A one-line description of the trace element el ([sym method file line], as in
  Throwable->map's :trace): the function's name, then the file and line in parentheses,
  e.g. \"user/f (a.clj:4)\". Host frames show as Class.method."
  [el]
  (let [[_ _ file line] el]
    (str (frame-name el) " (" file ":" line ")")))

;; ---------------------------------------------------------------------------
;; Triage: Throwable->map data to the :clojure.error/* keys of a report

(def ^:private no-source? #{"NO_SOURCE_FILE" "NO_SOURCE_PATH"})

(defn- frame-symbol
  "The symbol naming the function of trace element el, or nil for an anonymous fn."
  [[who method]]
  (let [who (str who)]
    (cond
      (= who "fn") nil
      (str/includes? who "/") (symbol who)
      (str/includes? who "$")
      (let [cut (str/index-of who "$")
            parts (str/split (str/replace (subs who (inc cut)) #"__\d+" "") #"\$")]
        (symbol (demunge (subs who 0 cut)) (str/join "$" (map demunge parts))))
      (or (nil? method) (invoke-methods (str method))) (symbol who)
      :else (symbol who (str method)))))

(defn- library-frame?
  "Whether trace element el belongs to the language itself (clojure.core, the runtime):
  such frames are passed over when looking for where an error happened."
  [[who]]
  (let [who (str who)]
    (some #(str/starts-with? who %) ["clojure.lang." "clojure.core$" "clojure.core/"])))

(defn- drop-nils [m]
  (into {} (remove (comp nil? val)) m))

(defn- frame-location
  "The :clojure.error/symbol, /source and /line of the first frame of trace that is
  the program's own (or of its first frame when every frame is the library's)."
  [trace]
  (when-let [el (or (first (remove library-frame? trace)) (first trace))]
    (let [[_ _ file line] el]
      {:clojure.error/symbol (frame-symbol el)
       :clojure.error/source (when-not (no-source? file) file)
       :clojure.error/line line})))

(defn- relative-path
  "file relative to the working directory when it lies under it, else file (also when
  the working directory may not be asked for, in a sandbox)."
  [file]
  (let [dir (try (System/getProperty "user.dir") (catch Exception _ nil))
        prefix (when dir (if (str/ends-with? dir "/") dir (str dir "/")))]
    (if (and prefix (str/starts-with? file prefix))
      (subs file (count prefix))
      file)))

(defn- form-location
  "The location a compiler or reader error's data (the outermost exception's ex-data)
  gives: :source is the file's name, :path its path, both absent when unknown."
  [data]
  (let [file (:clojure.error/source data)
        known (when (and file (not (no-source? file))) file)]
    {:clojure.error/line (:clojure.error/line data)
     :clojure.error/column (:clojure.error/column data)
     :clojure.error/symbol (:clojure.error/symbol data)
     :clojure.error/source (when known (peek (str/split known #"/")))
     :clojure.error/path (when known (relative-path known))}))

(defn ex-triage
  "Condenses datafied-throwable (what Throwable->map returns for an exception) into
  the facts an error report states, as a map of :clojure.error/ keys:
    :phase   when it happened (:read-source, :macro-syntax-check, :macroexpansion,
             :compile-syntax-check, :compilation, :execution, :read-eval-result,
             :print-eval-result), from the exception's data, :execution when absent
    :class   the class of the underlying exception (a symbol)
    :cause   the underlying exception's message
    :symbol  the function or macro involved, when known
    :source, :path, :line, :column  where: for errors before execution the position
             of the form, otherwise the first frame of the trace that is not the
             language's own
  Keys without a value are left out."
  [datafied-throwable]
  (let [{:keys [via trace cause phase]} datafied-throwable
        outer (first via)
        inner (peek (vec via))
        phase (or phase (:clojure.error/phase (:data outer)) :execution)
        facts {:clojure.error/phase phase
               :clojure.error/cause cause
               :clojure.error/class (:type inner)}]
    (drop-nils
     (case phase
       :read-source
       (merge (when (next via) (:data (second via)))
              (dissoc facts :clojure.error/class)
              (form-location (:data outer)))
       (:macro-syntax-check :macroexpansion :compile-syntax-check :compilation)
       (merge facts (form-location (:data outer)))
       :read-eval-result facts
       (merge facts (frame-location trace))))))

(defn- class-label
  "\" (SimpleName)\" for the class symbol c, or nothing for RuntimeException, whose
  name says nothing the message does not."
  [c]
  (if (= 'java.lang.RuntimeException c)
    ""
    (str " (" (when c (peek (str/split (str c) #"\."))) ")")))

(defn ex-str
  "The text of the error report for triage-data (a map as ex-triage returns): one line
  saying in which phase and where the error happened, then the cause, each line ended
  by a newline. The place is (path-or-source:line[:column]), REPL:1 when unknown."
  [{:clojure.error/keys [phase source path line column symbol class cause]
    :as triage-data}]
  (let [where (str (or path source "REPL") ":" (or line 1) (when column (str ":" column)))
        named (if symbol (str symbol " ") "")
        kind (class-label class)]
    (case phase
      :read-source
      (format "Syntax error reading source at (%s).%n%s%n" where cause)
      :macro-syntax-check
      (format "Syntax error macroexpanding %sat (%s).%n%s%n" named where cause)
      :macroexpansion
      (format "Unexpected error%s macroexpanding %sat (%s).%n%s%n" kind named where cause)
      :compile-syntax-check
      (format "Syntax error%s compiling %sat (%s).%n%s%n" kind named where cause)
      :compilation
      (format "Unexpected error%s compiling %sat (%s).%n%s%n" kind named where cause)
      :read-eval-result
      (format "Error reading eval result%s at %s (%s).%n%s%n" kind symbol where cause)
      :print-eval-result
      (format "Error printing return value%s at %s (%s).%n%s%n" kind symbol where cause)
      (format "Execution error%s at %s(%s).%n%s%n" kind named where cause))))

(defn err->msg
  "The report text (ex-str of ex-triage) for the exception e."
  [e]
  (ex-str (ex-triage (Throwable->map e))))

(defn repl-exception
  "The exception a REPL reports for throwable: its root cause."
  [throwable]
  (-> throwable root-cause))

(defn- write-err
  "Writes text on *err* and flushes it."
  [text]
  (let [w *err*]
    (.write w (str text))
    (.flush w)))

(defn repl-caught
  "The REPL's default :caught hook: prints the report for exception e (err->msg) on
  *err*, then flushes it."
  [e]
  (write-err (err->msg e)))

(defn report-error
  "Reports the exception t. Option :target is \"file\" (the default), \"stderr\" or
  \"none\": with \"none\" nothing is reported, otherwise the report text is printed on
  *err* (Clove writes no report file). Returns nil."
  [t & {:keys [target] :or {target "file"}}]
  (when (not= "none" target)
    (write-err (err->msg t))))

;; ---------------------------------------------------------------------------
;; REPL parts

(defn repl-prompt
  "The REPL's default :prompt hook: prints the current namespace's name then \"=> \"."
  []
  (print (str (ns-name *ns*) "=> ")))

(def repl-requires
  "The require specs a REPL applies in its namespace at start-up (clojure.repl's and
  clojure.pprint's tools)."
  '[[clojure.repl :refer (source apropos dir pst doc find-doc)]
    [clojure.pprint :refer (pp pprint)]])

(defmacro with-read-known
  "Runs body with *read-eval* true when it is :unknown, unchanged otherwise."
  [& body]
  `(binding [*read-eval* (get {:unknown true} *read-eval* *read-eval*)]
     ~@body))

;; The vars a REPL or script session may set!: each gets a thread binding to its
;; current value.
(def ^:private session-vars
  '[*ns* *warn-on-reflection* *math-context* *print-meta* *print-length* *print-level*
    *print-namespace-maps* *data-readers* *default-data-reader-fn* *compile-path*
    *command-line-args* *unchecked-math* *assert* *1 *2 *3 *e])

(defmacro with-bindings
  "Runs body with thread bindings of the vars a REPL session may set! (*ns*, the
  printing and reading controls, *assert*, *command-line-args*, *1 *2 *3 *e and the
  like), each bound to its current value, so that set! inside body lasts until body
  ends. Returns body's value."
  [& body]
  (let [names (cond-> (mapv #(symbol "clojure.core" (name %)) session-vars)
                (resolve 'clojure.spec.alpha/*explain-out*)
                (conj 'clojure.spec.alpha/*explain-out*))]
    `(binding ~(vec (interleave names names))
       ~@body)))

(defn renumbering-read
  "Reads one form from reader, passing opts to read, and shifts the form's :line
  metadata so that the reader's first line counts as line-number. Returns the form."
  [opts reader line-number]
  (let [form (read (or opts {}) reader)
        line (:line (meta form))]
    (if line
      (vary-meta form assoc :line (+ line (dec line-number)))
      form)))

(defn repl-read
  "The REPL's default :read hook: reads the next form from *in* (reader conditionals
  allowed, *read-eval* known) and returns it, or request-exit at the end of input.
  (Clove never returns request-prompt here.)"
  [request-prompt request-exit]
  (with-read-known
    (read {:eof request-exit :read-cond :allow} *in*)))

(defn- phase-error [phase e]
  (ex-info nil {:clojure.error/phase phase} e))

(defn repl
  "Runs a read-eval-print loop over *in* until the end of input, inside
  with-bindings. options are keyword/value pairs, each replacing a step:
    :init         (fn []) run once at start
    :need-prompt  (fn []) true when a prompt is due; default always
    :prompt       (fn []) prints a prompt; default repl-prompt
    :flush        (fn []) flushes output after a prompt; default flush
    :read         (fn [request-prompt request-exit]) returns the next form, or one of
                  its two arguments to ask for a new prompt or to end; default repl-read
    :eval         (fn [form]) default eval
    :print        (fn [value]) default prn
    :caught       (fn [throwable]) handles an error; default repl-caught
  After each evaluation *1 *2 *3 shift; after an error *e holds it. Errors while
  reading or printing reach :caught wrapped in an ex-info whose data names the phase."
  [& options]
  (let [hooks (merge {:init (fn [])
                      :need-prompt (constantly true)
                      :prompt repl-prompt
                      :flush flush
                      :read repl-read
                      :eval eval
                      :print prn
                      :caught repl-caught}
                     (apply hash-map options))
        ask-prompt (volatile! :request-prompt)
        ask-exit (volatile! :request-exit)
        on-error (fn [e] ((:caught hooks) e) (set! *e e) nil)
        round (fn []
                (let [form (try ((:read hooks) ask-prompt ask-exit)
                                (catch Throwable e (throw (phase-error :read-source e))))]
                  (if (or (identical? form ask-prompt) (identical? form ask-exit))
                    form
                    (let [v ((:eval hooks) form)
                          previous [*1 *2]]
                      (set! *1 v)
                      (set! *2 (nth previous 0))
                      (set! *3 (nth previous 1))
                      (try ((:print hooks) v)
                           (catch Throwable e (throw (phase-error :print-eval-result e))))
                      v))))
        prompt! (fn [] ((:prompt hooks)) ((:flush hooks)))]
    (with-bindings
      (try ((:init hooks)) (catch Throwable e (on-error e)))
      (when ((:need-prompt hooks)) ((:prompt hooks)))
      ((:flush hooks))
      (while (not (identical? ask-exit (try (round) (catch Throwable e (on-error e)))))
        (when ((:need-prompt hooks)) (prompt!))))))

;; ---------------------------------------------------------------------------
;; Scripts and the command line

(defn load-script
  "Loads the Clojure source at path: a file, or with a leading @ a resource found
  along the load path (\"@/my/lib.clj\")."
  [path]
  (if (str/starts-with? path "@")
    (load (str/replace (subs path 1) #"^/*(.*?)(\.cljc?)?$" "/$1"))
    (load-file path)))

(defn- eval-string
  "-e: evaluates every form of text in turn, printing each value that is not nil."
  [text]
  (let [in (java.io.PushbackReader. (java.io.StringReader. text))
        done (volatile! :done)]
    (doseq [form (take-while #(not (identical? done %))
                             (repeatedly #(read {:eof done :read-cond :allow} in)))]
      (some-> (eval form) prn))))

(def ^:private usage-text
  "Usage: clojure.main/main [init-opt*] [main-opt] [arg*]

  With no arguments: a REPL on *in*.

  init-opt (any number, run in order):
    -i, --init PATH   load the file (or @resource) PATH
    -e, --eval TEXT   evaluate the forms in TEXT, printing values that are not nil

  main-opt (at most one; the args after it are *command-line-args*):
    -r, --repl        a REPL on *in*
    -m, --main NS     require NS and call its -main with the args
    PATH              load the script at PATH (@ for a resource)
    -                 load a script from *in*
    -h, -?, --help    print this text
")

(defn- run-main-opt [opt args]
  (case opt
    (nil "-r" "--repl") (repl :init (fn [] (apply require repl-requires)))
    ("-h" "-?" "--help") (print usage-text)
    ("-m" "--main") (let [target (symbol (first args))]
                      (require target)
                      (apply (ns-resolve target '-main) (rest args)))
    "-" (load-reader *in*)
    (load-script opt)))

(defn main
  "Runs clojure.main's command line, given as strings in args: first any number of
  init options (-i/--init PATH loads a file, -e/--eval TEXT evaluates forms and prints
  their non-nil values), then at most one main option: -r/--repl or nothing at all for
  a REPL, -m/--main NS to call NS's -main, a script's PATH, - for a script on *in*,
  -h/--help for a usage summary. The arguments after the main option become
  *command-line-args* for the whole run. Everything runs inside with-bindings."
  [& args]
  (let [[inits [opt & more]] (split-with (fn [[flag]] (#{"-i" "--init" "-e" "--eval"} flag))
                                         (partition-all 2 args))
        opt-args (seq (concat (rest opt) (apply concat more)))
        opt (first opt)]
    (with-bindings
      (set! *command-line-args* opt-args)
      (doseq [[flag value] inits]
        (if (#{"-i" "--init"} flag) (load-script value) (eval-string value)))
      (when (or opt (empty? inits))
        (run-main-opt opt opt-args)))))
