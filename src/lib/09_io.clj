;; 09_io.clj: streams for scripts (SPEC L16, L17): with-open, with-in-str and line-seq
;; over the readers and writers of runtime/stream.h. *out*, *err* and *in* themselves
;; are made by the interpreter (runtime/host/stream.cpp); printing and read-line are natives (natives/core/io.cpp).

(defmacro with-open
  "Binds names to resources, like let with a vector of name value pairs, evaluates body,
  and then closes every bound value in reverse order, whether body returned or threw.
  In Clove the values must be readers or writers (clojure.java.io/reader, writer,
  java.io.StringWriter ...)."
  [bindings & body]
  (when-not (vector? bindings)
    (throw (IllegalArgumentException. "with-open requires a vector for its binding")))
  (when-not (even? (count bindings))
    (throw (IllegalArgumentException. "with-open requires an even number of forms in binding vector")))
  (cond
    (= (count bindings) 0) `(do ~@body)
    (symbol? (bindings 0)) `(let ~(subvec bindings 0 2)
                              (try
                                (with-open ~(subvec bindings 2) ~@body)
                                (finally (clojure.core/-close ~(bindings 0)))))
    :else (throw (IllegalArgumentException. "with-open only allows Symbols in bindings"))))

(defmacro with-in-str
  "Evaluates body with *in* reading from the string s, so that read-line, read and the
  like take their input from it."
  [s & body]
  `(with-open [s# (clojure.core/-string-reader ~s)]
     (binding [*in* s#]
       ~@body)))

(defn line-seq
  "Lazy seq of the lines of text read from rdr, without their line terminators; it ends
  at end of input. rdr is a java.io.BufferedReader (e.g. from clojure.java.io/reader,
  or *in*). Clove also accepts a file's path string, read when line-seq is called."
  [rdr]
  (if (string? rdr)
    (-file-lines rdr)
    (when-let [line (-read-line rdr)]
      (cons line (lazy-seq (line-seq rdr))))))

(defn file-seq
  "Lazy seq of java.io.File objects for dir and, when it is a directory, everything
  under it, depth first. Clove lists each directory's entries sorted by name (the JVM
  leaves the order to the file system)."
  [dir]
  (tree-seq (fn [f] (.isDirectory f)) (fn [d] (seq (.listFiles d))) dir))

(defmulti print-method
  "Writes x to writer w in the form the printer uses for x's type ((type x)); pr, prn,
  print, println, pr-str, str of collections and the REPL all print through it. Add a
  method to change how values of a type (a record, a deftype, a class, or a :type
  metadata value) print:
    (defmethod print-method Point [p w] (.write w (str \"#point[\" (:x p) \" \" (:y p) \"]\")))
  The :default method is Clove's built-in printer, which sends the values inside
  collections back through print-method."
  (fn [x writer] (type x)))

(defmethod print-method :default [x w] (-print-default x w))

(defmulti print-dup
  "Writes x to writer w in a form that reads back as an equal value (*print-dup*). Clove
  prints with print-method by default; add methods for types that need more."
  (fn [x writer] (class x)))

(defmethod print-dup :default [x w] (print-method x w))

(defn read
  "Reads one form from the reader stream (*in*, a StringReader,
  clojure.java.io/reader; Clove's readers are all pushback readers), and leaves what
  follows it in the stream. Reading stdin takes more lines until the form is complete.
  At end of input: eof-value when eof-error? is false, else RuntimeException \"EOF
  while reading\". With an opts map: :eof gives the end-of-input value (without it, end
  of input throws); :read-cond :allow reads reader conditionals (the branch of a
  feature of clove.reader/features, of :features, or :default), :read-cond :preserve
  reads them as ReaderConditional values, and without :read-cond they are an error.
  Tagged literals follow *data-readers*."
  ([] (read *in*))
  ([stream] (read stream true nil))
  ([stream eof-error? eof-value] (-read stream eof-error? eof-value false))
  ([stream eof-error? eof-value recursive?] (-read stream eof-error? eof-value false))
  ([opts stream] (-read stream (not (contains? opts :eof)) (:eof opts) false false opts)))

(defn read+string
  "Reads one object as read does, with the same arguments, and gives a vector of the
  object and the source text it came from, with surrounding whitespace trimmed."
  ([] (read+string *in*))
  ([stream] (read+string stream true nil))
  ([stream eof-error? eof-value] (-read stream eof-error? eof-value true))
  ([stream eof-error? eof-value recursive?] (-read stream eof-error? eof-value true))
  ([opts stream] (-read stream (not (contains? opts :eof)) (:eof opts) true false opts)))
