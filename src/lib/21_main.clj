;; lazy-ns: clojure.main
;; 21_main.clj: clojure.main (issue 18), loaded on the first (require 'clojure.main): the
;; REPL building blocks libraries and tools call (repl with its :read :eval :print :caught
;; hooks, repl-prompt, repl-caught), error triage and messages in Clojure 1.10+'s format
;; (ex-triage, ex-str, err->msg, root-cause), demunge and stack-element-str for Clove's
;; trace elements ([sym method file line], from Throwable->map), and main/load-script.
;; Clove's own REPL is `clove repl` (cli/repl.cpp); this one reads *in* with `read`.
;; skip-whitespace and skip-if-eol are absent: Clove's readers have no character-level
;; read/unread (docs/differences.md).

(ns clojure.main
  "Top-level main function for Clojure REPL and scripts."
  (:refer-clojure :exclude [with-bindings]))

(def ^:private demunge-tokens
  "The munged spellings (\"_BANG_\" ...) and the character each stands for, longest
  first, so that \"_\" alone (from -) is tried last."
  (sort-by (comp - count key)
           (into {} (map (fn [[c s]] [s (str c)])) @#'clojure.core/-char-map)))

(def ^:private demunge-pattern
  (re-pattern (apply str (interpose "|" (map key demunge-tokens)))))

(defn demunge
  "Given a string representation of a fn class, as in a stack trace element, returns a
  readable version: $ separates namespace and fn names, and each munged character is
  restored (\"my_ns.core$foo_BANG_\" -> \"my-ns.core/foo!\")."
  {:added "1.3"}
  [fn-name]
  (let [m (into {} demunge-tokens)]
    (clojure.string/replace (clojure.string/replace (str fn-name) "$" "/") demunge-pattern m)))

(defn root-cause
  "Returns the initial cause of an exception or error by peeling off all of its
  wrappers"
  {:added "1.3"}
  [t]
  (loop [cause t]
    (if-let [c (ex-cause cause)]
      (recur c)
      cause)))

(defn stack-element-str
  "Returns a (possibly unmunged) string representation of a StackTraceElement: in Clove,
  of a trace element [sym method file line] as Throwable->map gives them."
  {:added "1.3"}
  [el]
  (let [[cls method file line] el
        file (some-> file str)
        clojure-fn? (and file (or (.endsWith file ".clj") (.endsWith file ".cljc") (.endsWith file ".clove")
                                  (= file "NO_SOURCE_FILE")))]
    (str (if clojure-fn? (demunge (str cls)) (str cls "." method))
         " (" file ":" line ")")))

(defn- trace-symbol
  "The fn a trace element names, as ex-triage reports it (nil for an anonymous one)."
  [[cls method]]
  (let [s (demunge (str cls))]
    (when-not (= s "fn") (symbol s))))

(defn ex-triage
  "Returns an analysis of the phase, error, cause, and location of an error that
  occurred based on Throwable data, as returned by Throwable->map. All attributes
  other than phase are optional:
    :clojure.error/phase - keyword phase indicator, one of:
      :read-source :compile-syntax-check :compilation :macro-syntax-check
      :macroexpansion :execution :read-eval-result :print-eval-result
    :clojure.error/source - file name (no path)
    :clojure.error/path - source path
    :clojure.error/line - integer line number
    :clojure.error/column - integer column number
    :clojure.error/symbol - symbol being expanded/compiled/invoked
    :clojure.error/class - cause exception class symbol
    :clojure.error/cause - cause exception message
    :clojure.error/spec - explain-data for spec error"
  {:added "1.10"}
  [datafied-throwable]
  (let [{:keys [via trace phase] :or {phase :execution}} datafied-throwable
        {:keys [type message]} (last via)
        top-data (:data (first via))
        located (merge (select-keys top-data [:clojure.error/source :clojure.error/path
                                              :clojure.error/line :clojure.error/column
                                              :clojure.error/symbol])
                       {:clojure.error/class type})]
    (-> (if (= phase :execution)
          (let [el (first trace)
                file (some #(when (and % (not (#{"NO_SOURCE_FILE" "NO_SOURCE_PATH"} %))) %)
                           [(:clojure.error/source top-data) (nth el 2 nil)])
                line (or (:clojure.error/line top-data) (nth el 3 nil))
                sym (when el (trace-symbol el))]
            (cond-> {:clojure.error/class type}
              line (assoc :clojure.error/line line)
              message (assoc :clojure.error/cause message)
              sym (assoc :clojure.error/symbol sym)
              file (assoc :clojure.error/source file)))
          (cond-> located message (assoc :clojure.error/cause message)))
        (assoc :clojure.error/phase phase))))

(defn ex-str
  "Returns a string from exception data, as produced by ex-triage. The first line
  summarizes the exception phase and location. The subsequent lines describe the
  cause."
  {:added "1.10"}
  [{:clojure.error/keys [phase source path line column symbol class cause] :as triage-data}]
  (let [loc (str (or path source "REPL") ":" (or line 1) (if column (str ":" column) ""))
        class-name (name (or class ""))
        simple-class (when class (or (re-find #"[^.]+$" class-name) class-name))
        cause-type (if (contains? #{"Exception" "RuntimeException"} simple-class) "" (str " (" simple-class ")"))
        at-symbol (if symbol (str symbol " ") "")]
    (case phase
      :read-source (format "Syntax error reading source at (%s).%n%s%n" loc cause)
      :macro-syntax-check (format "Syntax error macroexpanding %sat (%s).%n%s%n" at-symbol loc cause)
      :macroexpansion (format "Unexpected error%s macroexpanding %sat (%s).%n%s%n" cause-type at-symbol loc cause)
      :compile-syntax-check (format "Syntax error%s compiling %sat (%s).%n%s%n" cause-type at-symbol loc cause)
      :compilation (format "Unexpected error%s compiling %sat (%s).%n%s%n" cause-type at-symbol loc cause)
      :read-eval-result (format "Error reading eval result%s at %s (%s).%n%s%n" cause-type symbol loc cause)
      :print-eval-result (format "Error printing return value%s at %s (%s).%n%s%n" cause-type symbol loc cause)
      (format "Execution error%s at %s(%s).%n%s%n" cause-type at-symbol loc cause))))

(defn err->msg
  "Helper to return an error message string from an exception."
  [e]
  (-> e Throwable->map ex-triage ex-str))

(defn repl-exception
  "Returns the root cause of throwables"
  [throwable]
  (root-cause throwable))

(defn repl-caught
  "Default :caught hook for repl"
  [e]
  (binding [*out* *err*]
    (print (err->msg e))
    (flush)))

(defn report-error
  "Create and output an exception report for a Throwable to target.

  Options:
    :target - \"file\" (default), \"stderr\", \"none\"

  If file is specified but cannot be written, falls back to stderr. Clove writes no
  report files: \"file\" reports as \"stderr\" does."
  [t & {:keys [target] :or {target "file"}}]
  (when-not (= target "none")
    (binding [*out* *err*]
      (print (err->msg t))
      (flush))))

(defn repl-prompt
  "Default :prompt hook for repl"
  []
  (printf "%s=> " (ns-name *ns*)))

(def repl-requires
  "A sequence of lib specs that are applied to `require`
  by default when a new command-line REPL is started."
  '[[clojure.repl :refer (source apropos dir pst doc find-doc)]
    [clojure.pprint :refer (pp pprint)]])

(defmacro with-read-known
  "Evaluates body with *read-eval* set to a \"known\" value,
  i.e. substituting true for :unknown if necessary."
  [& body]
  `(binding [*read-eval* (if (= :unknown *read-eval*) true *read-eval*)]
     ~@body))

(defmacro with-bindings
  "Executes body in the context of thread-local bindings for several vars
  that often need to be set!: *ns* *warn-on-reflection* *math-context*
  *print-meta* *print-length* *print-level* *compile-path*
  *command-line-args* *1 *2 *3 *e"
  [& body]
  `(binding [*ns* *ns*
             *warn-on-reflection* *warn-on-reflection*
             *math-context* *math-context*
             *print-meta* *print-meta*
             *print-length* *print-length*
             *print-level* *print-level*
             *print-namespace-maps* true
             *data-readers* *data-readers*
             *default-data-reader-fn* *default-data-reader-fn*
             *compile-path* *compile-path*
             *command-line-args* *command-line-args*
             *unchecked-math* *unchecked-math*
             *assert* *assert*
             *1 nil
             *2 nil
             *3 nil
             *e nil]
     ~@body))

(defn renumbering-read
  "Reads from reader, which must be a LineNumberingPushbackReader, while capturing
  the read string. If the read is successful, reset the line number and re-read.
  The line number on re-read is the passed line-number unless :line or
  :clojure.core/eval-file meta are explicitly set on the read value.
  In Clove, reads one form as `read` does (opts as read's)."
  {:added "1.10"}
  [opts reader line-number]
  (read opts reader))

(defn repl-read
  "Default :read hook for repl. Reads from *in* which must either be an instance of
  LineNumberingPushbackReader or duplicate its behavior of both supporting .unread and
  collapsing all of CR, LF, and CRLF into a single \\newline. repl-read:
    - skips whitespace, then
      - returns request-prompt on start of line, or
      - returns request-exit on end of stream, or
      - reads an object from the input stream, then
        - skips the next input character if it's end of line, then
        - returns the object.
  In Clove: returns request-exit at the end of *in*, else the next form read."
  [request-prompt request-exit]
  (with-read-known (read {:eof request-exit :read-cond :allow} *in*)))

(defn repl
  "Generic, reusable, read-eval-print loop. By default, reads from *in*, writes to
  *out*, and prints exception summaries to *err*. If you use the default :read hook,
  *in* must either be an instance of LineNumberingPushbackReader or duplicate its
  behavior of both supporting .unread and collapsing CR, LF, and CRLF into a single
  \\newline. Options are sequential keyword-value pairs. Available options and their
  defaults:

     - :init, function of no arguments, initialization hook called with
       bindings for set!-able vars in place.
       default: #()

     - :need-prompt, function of no arguments, called before each
       read-eval-print except the first, the user will be prompted if it
       returns true.
       default: (constantly true)

     - :prompt, function of no arguments, prompts for more input.
       default: repl-prompt

     - :flush, function of no arguments, flushes output
       default: flush

     - :read, function of two arguments, reads from *in*:
         - returns its first argument to request a fresh prompt
           - depending on need-prompt, this may cause the repl to prompt
             before reading again
         - returns its second argument to request an exit from the repl
         - else returns the next object read from the input stream
       default: repl-read

     - :eval, function of one argument, returns the evaluation of its
       argument
       default: eval

     - :print, function of one argument, prints its argument to the output
       default: prn

     - :caught, function of one argument, a throwable, called when
       read, eval, or print throws an exception or error
       default: repl-caught"
  {:added "1.0"}
  [& options]
  (let [{:keys [init need-prompt prompt flush read eval print caught]
         :or {init #() need-prompt (constantly true) prompt repl-prompt flush flush
              read repl-read eval eval print prn caught repl-caught}}
        (apply hash-map options)
        request-prompt (gensym "request-prompt")
        request-exit (gensym "request-exit")
        read-eval-print
        (fn []
          (try
            (let [input (read request-prompt request-exit)]
              (if (or (identical? input request-prompt) (identical? input request-exit))
                input
                (let [value (eval input)]
                  (set! *3 *2)
                  (set! *2 *1)
                  (set! *1 value)
                  (try (print value)
                       (catch Throwable e
                         (throw (ex-info nil {:clojure.error/phase :print-eval-result} e)))))))
            (catch Throwable e
              (caught e)
              (set! *e e)
              nil)))]
    (with-bindings
      (try (init)
           (catch Throwable e (caught e) (set! *e e)))
      (prompt)
      (flush)
      (loop []
        (let [r (read-eval-print)]
          (when-not (identical? r request-exit)
            (when (need-prompt)
              (prompt)
              (flush))
            (recur)))))))

(defn load-script
  "Loads Clojure source from a file or resource given its path. Paths beginning with @
  or @/ are considered relative to classpath (in Clove: to the load path)."
  [path]
  (if (.startsWith (str path) "@")
    (load (clojure.string/replace-first (subs path 1) #"^/" "" ))
    (load-file path)))

(defn main
  "Usage: java -cp clojure.jar clojure.main [init-opt*] [main-opt] [arg*]

  With no options or args, runs an interactive Read-Eval-Print Loop

  init options:
    -i, --init path     Load a file or resource
    -e, --eval string   Evaluate expressions in string; print non-nil values

  main options:
    -r, --repl          Run a repl
    path                Run a script from a file or resource
    -                   Run a script from standard input
    -h, -?, --help      Print this help message and exit

  In Clove the command is `clove`; this function takes the same arguments from a
  program."
  [& args]
  (if (empty? args)
    ;; A lib of repl-requires that Clove lacks (clojure.pprint, for now) is skipped.
    (repl :init #(doseq [spec repl-requires]
                   (try (require spec) (catch java.io.FileNotFoundException _ nil))))
    (loop [[opt arg & more :as args] args]
      (cond
        (empty? args) nil  ; init options alone: run them, no repl
        (#{"-i" "--init"} opt) (do (load-script arg) (recur more))
        (#{"-e" "--eval"} opt) (do (doseq [form (read-string (str "[" arg "]"))]
                                     (let [v (eval form)] (when-not (nil? v) (prn v))))
                                   (recur more))
        (#{"-r" "--repl"} opt) (repl)
        (#{"-h" "-?" "--help"} opt) (println (:doc (meta #'main)))
        (= "-" opt) (binding [*command-line-args* (next args)] (load-reader *in*))
        :else (binding [*command-line-args* (next args)] (load-script opt))))))
