;; lazy-ns: clojure.stacktrace
;; 17_stacktrace.clj: clojure.stacktrace (SPEC L17), loaded on the first (require
;; 'clojure.stacktrace), as in Clojure: printing exceptions and their causes. The
;; frames are Clove's, as (:trace (Throwable->map e)) gives them ([ns/fn method file
;; line]), printed as ns/fn (file:line) (docs/differences.md).

(ns clojure.stacktrace
  "Print stack traces oriented towards Clojure, not Java.")

(defn root-cause
  "Returns the last 'cause' Throwable in a chain of Throwables."
  [tr]
  (if-let [cause (ex-cause tr)]
    (recur cause)
    tr))

(defn print-trace-element
  "Prints a Clojure-oriented view of one element in a stack trace: a frame
  [ns/fn method file line] of (:trace (Throwable->map e))."
  [e]
  (let [[f _ file line] e]
    (printf "%s (%s:%d)" f (or file "") (or line 0))))

(defn print-throwable
  "Prints the class and message of a Throwable. Prints the ex-data map if present."
  [tr]
  (printf "%s: %s" (.getName (class tr)) (ex-message tr))
  (when-let [info (ex-data tr)]
    (newline)
    (pr info)))

(defn- frames [tr] (:trace (Throwable->map tr)))

(defn print-stack-trace
  "Prints a Clojure-oriented stack trace of tr, a Throwable. Prints a maximum of n
  stack frames (default: unlimited). Does not print chained exceptions (causes)."
  ([tr] (print-stack-trace tr nil))
  ([tr n]
   (let [st (frames tr)]
     (print-throwable tr)
     (newline)
     (print " at ")
     (if-let [e (first st)]
       (print-trace-element e)
       (print "[empty stack trace]"))
     (newline)
     (doseq [e (if (nil? n) (rest st) (take (dec n) (rest st)))]
       (print "    ")
       (print-trace-element e)
       (newline)))))

(defn print-cause-trace
  "Like print-stack-trace but prints chained exceptions (causes)."
  ([tr] (print-cause-trace tr nil))
  ([tr n]
   (print-stack-trace tr n)
   (when-let [cause (ex-cause tr)]
     (print "Caused by: ")
     (recur cause n))))

(defn e
  "REPL utility. Prints a brief stack trace for the root cause of the most recent
  exception."
  []
  (print-stack-trace (root-cause *e) 8))
