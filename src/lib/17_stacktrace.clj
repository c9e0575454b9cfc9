;; lazy-ns: clojure.stacktrace
;; 17_stacktrace.clj: clojure.stacktrace (SPEC L17), loaded on the first (require
;; 'clojure.stacktrace). Written for Clove from the documented and observed behaviour of
;; Clojure's. Clove's frames come from (:trace (Throwable->map t)), each
;; [ns/fn method file line]; as there, a throwable's frames are those of its root cause
;; (the deepest point the error was seen from).

(ns clojure.stacktrace
  "Printing exceptions and their chains of causes, with Clove's frames.")

(defn root-cause
  "Follows tr's chain of causes to its end and returns the last throwable (tr itself
  when it has no cause)."
  [tr]
  (if-let [c (ex-cause tr)]
    (recur c)
    tr))

(defn- frames [tr] (:trace (Throwable->map tr)))

(defn- class-name [tr] (str (:type (first (:via (Throwable->map tr))))))

(defn print-trace-element
  "Prints one frame, [fn method file line], as fn (file:line), with no newline."
  [e]
  (let [[where _ file line] e]
    (print (str where " (" (or file "") ":" (or line 0) ")"))))

(defn print-throwable
  "Prints tr's class name and message as Class: message (null without a message),
  then its ex-data, if any, on the next line. No newline at the end."
  [tr]
  (let [msg (ex-message tr)]
    (print (str (class-name tr) ": " (if (nil? msg) "null" msg))))
  (when-some [data (ex-data tr)]
    (newline)
    (pr data)))

(defn- print-one
  "print-stack-trace's body: t, then at most limit frames (all when limit is nil)."
  [t limit]
  (let [fs (frames t)
        lines (cons (if (seq fs)
                      (with-out-str (print-trace-element (first fs)))
                      "[empty stack trace]")
                    (map #(with-out-str (print-trace-element %))
                         (if (nil? limit) (rest fs) (take (dec limit) (rest fs)))))]
    (print-throwable t)
    (println)
    (print (str " at " (first lines) "\n"))
    (doseq [l (rest lines)]
      (print (str "    " l "\n")))))

(defn print-stack-trace
  "Prints tr (see print-throwable), then its frames, one a line, the first after
  \" at \" and the others indented; at most n frames (but always the first) when n is
  given. A throwable without frames prints \" at [empty stack trace]\". Causes are not
  printed (see print-cause-trace)."
  ([tr] (print-one tr nil))
  ([tr n] (print-one tr n)))

(defn- print-chain [t limit]
  (print-one t limit)
  (when-some [c (ex-cause t)]
    (print "Caused by: ")
    (recur c limit)))

(defn print-cause-trace
  "Like print-stack-trace, then the same for each cause in turn, each introduced by
  \"Caused by: \". n, when given, limits the frames of every throwable."
  ([tr] (print-chain tr nil))
  ([tr n] (print-chain tr n)))

(defn e
  "Prints the cause trace of *e, the last exception seen at the REPL."
  []
  (print-cause-trace *e))
