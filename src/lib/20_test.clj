;; lazy-ns: clojure.test
;; 20_test.clj: clojure.test (SPEC T5), loaded on the first (require 'clojure.test)
;; (runtime/loader.h), not at VM start. Written for Clove from the documented and
;; observed behaviour of Clojure's clojure.test: `is` expands through the assert-expr
;; multimethod, every outcome is a map handed to the dynamic `report` multimethod, and
;; the tallies live in *report-counters* while a namespace runs.
;; Differences: the tallies are an atom (no refs); the file:line of a failure is that
;; of the innermost Clove frame outside the embedded library (-stack-frames), of an
;; error the exception's own innermost frame; a namespace's tests run in the order they
;; were defined; ex-data in error reports is printed within bounds (-pr-str-bounded).

(ns clojure.test
  "Unit tests: define them with deftest, check with is and are, group checks with
  testing, set things up with use-fixtures and run them with run-tests."
  (:require [clojure.template :as temp]
            [clojure.string :as str]))

;; ---------------------------------------------------------------------------------
;; State

(def ^:dynamic *load-tests*
  "When false, deftest, set-test and with-test define no tests (deftest defines
  nothing). Bind or set it before loading code."
  true)

(def ^:dynamic *stack-trace-depth*
  "How many frames an error report prints per exception; nil for all of them."
  nil)

(def ^:dynamic *report-counters*
  "While tests run: an atom (or a ref, when bound by the caller) holding the tallies
  (:test :pass :fail :error)."
  nil)

(def ^:dynamic *initial-report-counters*
  "The tallies a run starts from."
  (zipmap [:test :pass :fail :error] (repeat 0)))

(def ^:dynamic *testing-vars*
  "The test vars being run, innermost first."
  (list))

(def ^:dynamic *testing-contexts*
  "The strings of the enclosing testing forms, innermost first."
  (list))

(def ^:dynamic *test-out*
  "Where reports are printed."
  *out*)

(defmacro with-test-out
  "Evaluates body with *out* rebound to the writer in *test-out*, so that test reports
  go where the test runner sends them."
  [& body]
  (list* 'clojure.core/binding ['clojure.core/*out* 'clojure.test/*test-out*] body))

;; ---------------------------------------------------------------------------------
;; Where things happened

(def ^:private own-file *file*)

(defn- library-file?
  "Frames in files of the embedded library (this one included) are never where a
  test's assertion is."
  [file]
  (or (nil? file) (= file own-file) (str/starts-with? (str file) "clove/lib/")))

(defn- caller-position
  "[file line] of the innermost frame of the current stack outside the embedded
  library, or nil."
  []
  (some (fn [{:keys [file line]}]
          (when-not (library-file? file) [file line]))
        (clojure.core/-stack-frames)))

(defn- exception-position
  "[file line] of the innermost frame recorded in exception e, or nil."
  [e]
  (when-let [{:keys [file line]} (first (clojure.core/-exception-frames e))]
    [file line]))

(defn- short-file [file]
  (when file
    (let [s (str file)]
      (subs s (inc (.lastIndexOf s "/"))))))

(defn file-position
  "Deprecated in Clojure. [file line] (the file's name without folders) of a frame of
  the current stack: n = 2 is the function calling file-position, 3 its caller, and so
  on; [nil nil] beyond the stack."
  [n]
  (let [{:keys [file line]} (when (pos? n) (nth (clojure.core/-stack-frames) (dec n) nil))]
    [(short-file file) line]))

(defn testing-vars-str
  "The names of the test vars being run, outermost first, in parentheses, then the
  :file and :line of report map m: (a b) (file.clj:12)."
  [m]
  (let [names (reverse (map #(:name (meta %)) *testing-vars*))]
    (str (pr-str (apply list names)) " (" (:file m) ":" (:line m) ")")))

(defn testing-contexts-str
  "The strings of the enclosing testing forms, outermost first, joined by spaces."
  []
  (str/join " " (reverse *testing-contexts*)))

(defn inc-report-counter
  "Adds one to the tally called name, when tests are running."
  [name]
  (when-let [counters *report-counters*]
    (let [bump #(update % name (fnil inc 0))]
      (if (instance? clojure.lang.IAtom counters)
        (swap! counters bump)
        (dosync (alter counters bump))))))

;; ---------------------------------------------------------------------------------
;; Reporting

(defmulti ^:dynamic report
  "Called with a map for every event of a run, dispatching on its :type (:pass,
  :fail, :error, :begin-test-ns, :end-test-ns, :begin-test-var, :end-test-var,
  :summary). Bind it or add methods to report elsewhere or differently."
  :type)

(defn- print-bounded-throwable
  "Prints e and its causes like clojure.stacktrace/print-cause-trace, but with each
  ex-data printed within bounds (or marked unprintable)."
  [e depth]
  (loop [t e first? true]
    (when-not first? (print "Caused by: "))
    (let [via (Throwable->map t)
          msg (ex-message t)
          data (ex-data t)
          frames (:trace via)
          shown (if depth (take depth frames) frames)
          frame-str (fn [[where _ file line]] (str where " (" file ":" line ")"))]
      (print (str (:type (first (:via via))) ": " (if (nil? msg) "null" msg)))
      (when (some? data)
        (newline)
        (print (clojure.core/-pr-str-bounded data)))
      (newline)
      (println (str " at " (if (seq frames) (frame-str (first frames)) "[empty stack trace]")))
      (doseq [f (rest shown)]
        (println (str "    " (frame-str f)))))
    (when-some [c (ex-cause t)]
      (recur c false))))

(defn- on-test-out
  "Calls f with *out* bound to *test-out*."
  [f]
  (binding [*out* *test-out*] (f)))

(defn- problem!
  "Tallies a failure or an error and prints its report: where, the contexts, the
  message, then what was expected and what happened."
  [event heading]
  (inc-report-counter (:type event))
  (on-test-out
   (fn []
     (let [{:keys [message expected actual]} event]
       (println)
       (println (str heading " in " (testing-vars-str event)))
       (when (seq *testing-contexts*)
         (println (testing-contexts-str)))
       (when (some? message) (println message))
       (println (str "expected: " (pr-str expected)))
       (print "  actual: ")
       ;; an error's exception is shown with its frames, anything else printed
       (cond
         (and (= :error (:type event)) (instance? Throwable actual))
         (print-bounded-throwable actual *stack-trace-depth*)
         :else (prn actual))))))

(defmethod report :default [event] (on-test-out #(prn event)))

(defmethod report :pass [_] (inc-report-counter :pass))

(defmethod report :fail [event] (problem! event "FAIL"))

(defmethod report :error [event] (problem! event "ERROR"))

(defmethod report :summary [{:keys [test pass fail error]}]
  (on-test-out
   (fn []
     (println)
     (println (str "Ran " test " tests containing " (+ pass fail error) " assertions."))
     (println (str fail " failures, " error " errors.")))))

(defmethod report :begin-test-ns [event]
  (on-test-out #(println (str "\nTesting " (ns-name (:ns event))))))

(defmethod report :end-test-ns [_] nil)
(defmethod report :begin-test-var [_] nil)
(defmethod report :end-test-var [_] nil)

(defn do-report
  "Hands report map m to report, after adding :file and :line where m lacks them:
  for a failure those of the code that made the assertion, for an error those
  recorded in the exception."
  [m]
  (let [where (case (:type m)
                :fail (caller-position)
                :error (or (when (instance? Throwable (:actual m))
                             (exception-position (:actual m)))
                           (caller-position))
                nil)
        m (if (and where (not (contains? m :file)))
            (assoc m :file (short-file (first where)) :line (second where))
            m)]
    (report m)))

;; ---------------------------------------------------------------------------------
;; Assertions

(defn get-possibly-unbound-var
  "The value of var v, or nil when it is unbound."
  [v]
  (try (var-get v) (catch IllegalStateException _ nil)))

(defn function?
  "True when x is a function, or a symbol resolving to a var holding a function that
  is not a macro."
  [x]
  (cond
    (not (symbol? x)) (fn? x)
    :else (when-let [v (resolve x)]
            (when-some [value (get-possibly-unbound-var v)]
              (and (not (:macro (meta v))) (fn? value))))))

(defn assert-predicate
  "The code of an assertion that form, a call of a function, is true: on failure the
  actual value shown is (not (f evaluated-args...))."
  [msg form]
  (let [[f & arg-forms] form
        args (gensym "args")
        result (gensym "result")]
    `(let [~args (list ~@arg-forms)
           ~result (apply ~f ~args)]
       (do-report {:type (if ~result :pass :fail)
                   :message ~msg
                   :expected '~form
                   :actual (if ~result
                             (cons '~f ~args)
                             (list '~'not (cons '~f ~args)))})
       ~result)))

(defn assert-any
  "The code of an assertion that form's value is logical true; that value is the
  actual value shown."
  [msg form]
  (let [value (gensym "value")]
    `(let [~value ~form]
       (do-report {:type (if ~value :pass :fail)
                   :message ~msg :expected '~form :actual ~value})
       ~value)))

(defmulti assert-expr
  "The code `is` expands to for form, with message msg. Dispatches on the first
  symbol of form (a list), :always-fail for nil and :default otherwise; add methods
  to teach `is` new kinds of assertion."
  (fn [_ form] (cond (nil? form) :always-fail (seq? form) (first form) :else :default)))

(defmethod assert-expr :always-fail [msg _]
  `(do-report {:type :fail :message ~msg}))

(defmethod assert-expr :default [message form]
  (let [call? (and (sequential? form) (function? (first form)))]
    ((if call? assert-predicate assert-any) message form)))

(defmethod assert-expr 'instance? [message form]
  (let [[_ cls-form obj-form] form]
    `(let [klass# ~cls-form
           object# ~obj-form
           ok# (instance? klass# object#)]
       (do-report {:type (if ok# :pass :fail)
                   :message ~message :expected '~form :actual (class object#)})
       ok#)))

(defmethod assert-expr 'thrown? [message form]
  (let [[_ klass & body] form
        caught (gensym "caught")]
    `(try
       ~@body
       (do-report {:type :fail :message ~message :expected '~form :actual nil})
       (catch ~klass ~caught
         (do-report {:type :pass :message ~message :expected '~form :actual ~caught})
         ~caught))))

(defmethod assert-expr 'thrown-with-msg? [message form]
  (let [[_ klass pattern & body] form
        caught (gensym "caught")]
    `(try
       ~@body
       (do-report {:type :fail :message ~message :expected '~form :actual nil})
       (catch ~klass ~caught
         (do-report {:type (if (re-find ~pattern (ex-message ~caught)) :pass :fail)
                     :message ~message :expected '~form :actual ~caught})
         ~caught))))

(defmacro try-expr
  "Runs the assertion form (see assert-expr); an exception thrown by it is reported
  as an error, with message msg."
  [msg form]
  `(try
     ~(assert-expr msg form)
     (catch Throwable problem#
       (do-report {:type :error :message ~msg :expected '~form :actual problem#}))))

(defmacro is
  "Asserts form: reports a pass, a failure or an error (with msg, if given) and
  returns form's value. Special forms: (thrown? Class body...) and (thrown-with-msg?
  Class regex body...) return the exception; (instance? Class x) shows x's class."
  ([form] (list `try-expr nil form))
  ([form msg] (list `try-expr msg form)))

(defmacro are
  "Runs (is expr) once per group of args, with the symbols of argv standing for the
  group's values (see clojure.template/do-template). Throws when args cannot be cut
  into groups of (count argv)."
  [argv expr & args]
  (let [n (count argv)
        m (count args)]
    (when-not (if (zero? n) (zero? m) (and (pos? m) (zero? (rem m n))))
      (throw (IllegalArgumentException. "The number of args doesn't match are's argv.")))
    `(temp/do-template ~argv (is ~expr) ~@args)))

(defmacro testing
  "Runs body with string added to the contexts failures are reported in."
  [string & body]
  (list* `binding [`*testing-contexts* (list `conj `*testing-contexts* string)] body))

;; ---------------------------------------------------------------------------------
;; Defining tests

(defmacro with-test
  "Evaluates definition (a def form) and attaches body to its var as a test (unless
  *load-tests* is false). Returns the var."
  [definition & body]
  (if-not *load-tests*
    definition
    `(let [v# ~definition]
       (alter-meta! v# assoc :test (fn [] ~@body))
       v#)))

(defn- define-test
  "deftest's expansion: name gets body as its :test and a function running it."
  [name body extra-meta]
  (let [tagged (vary-meta name merge extra-meta {:test `(fn [] ~@body)})]
    (if *load-tests*
      `(def ~tagged (fn [] (clojure.test/test-var (var ~name))))
      nil)))

(defmacro deftest
  "Defines name as a test: a function of no arguments that runs body as a test (and
  reports), with body also kept as the var's :test. Defines nothing when *load-tests*
  is false."
  [name & body]
  (define-test name body {}))

(defmacro deftest-
  "Like deftest, but the var is private."
  [name & body]
  (define-test name body {:private true}))

(defmacro set-test
  "Attaches body as the test of the existing var name (unless *load-tests* is
  false)."
  [name & body]
  (if *load-tests*
    (list `alter-meta! (list 'var name) `assoc :test (list* `fn [] body))
    nil))

;; ---------------------------------------------------------------------------------
;; Fixtures

(defmulti use-fixtures
  "Registers fixtures for the current namespace: :once ones wrap the run of all its
  tests, :each ones wrap every single test. A fixture is a function of one argument,
  a function of none that it must call to run what it wraps."
  (fn [fixture-type & _] fixture-type))

(defmethod use-fixtures :once [_ & fixtures]
  (alter-meta! *ns* assoc ::once-fixtures fixtures))

(defmethod use-fixtures :each [_ & fixtures]
  (alter-meta! *ns* assoc ::each-fixtures fixtures))

(defn compose-fixtures
  "One fixture doing what f1 then (inside it) f2 do."
  [f1 f2]
  (fn [run] (f1 #(f2 run))))

(defn join-fixtures
  "One fixture doing what every fixture of the collection does, the first
  outermost; with none, one that just runs what it wraps."
  [fixtures]
  (reduce compose-fixtures (fn [run] (run)) fixtures))

;; ---------------------------------------------------------------------------------
;; Running

(defn test-var
  "Runs the test attached to var v (if any), reporting around it; an exception it
  throws is reported as an error."
  [v]
  (when-let [body-fn (get (meta v) :test)]
    (let [running (conj *testing-vars* v)]
      (binding [*testing-vars* running]
        (do-report {:type :begin-test-var :var v})
        (inc-report-counter :test)
        (try
          (body-fn)
          (catch Throwable uncaught
            (do-report {:type :error :message "Uncaught exception, not in assertion."
                        :expected nil :actual uncaught})))
        (do-report {:type :end-test-var :var v})))))

(defn test-vars
  "Runs the tests of the vars, namespace by namespace, with each namespace's fixtures."
  [vars]
  (doseq [[n group] (group-by (comp :ns meta) vars)]
    (let [once (join-fixtures (::once-fixtures (meta n)))
          each (join-fixtures (::each-fixtures (meta n)))]
      (once (fn []
              (doseq [v group :when (:test (meta v))]
                (each #(test-var v))))))))

(defn test-all-vars
  "Runs the tests of every var of namespace ns, in the order they were defined."
  [ns]
  (test-vars (sort-by #(or (:line (meta %)) 0) (vals (ns-interns ns)))))

(defn test-ns
  "Runs namespace ns's tests (its test-ns-hook function instead, if it defines one)
  with fresh tallies and returns them."
  [ns]
  (binding [*report-counters* (atom *initial-report-counters*)]
    (let [n (the-ns ns)]
      (do-report {:type :begin-test-ns :ns n})
      (if-let [hook (get (ns-interns n) 'test-ns-hook)]
        ((var-get hook))
        (test-all-vars n))
      (do-report {:type :end-test-ns :ns n})
      @*report-counters*)))

(defn run-tests
  "Runs the tests of the namespaces (default: the current one), prints a summary and
  returns it: the tallies summed, with :type :summary."
  ([] (run-tests (ns-name *ns*)))
  ([& namespaces]
   (let [tallies (map test-ns namespaces)]
     (doto (assoc (apply merge-with + tallies) :type :summary)
       (do-report)))))

(defn run-all-tests
  "run-tests over every namespace, or those whose name matches regex re."
  ([] (run-all-tests #"(?s).*"))
  ([re]
   (let [chosen (filter #(re-matches re (str (ns-name %))) (all-ns))]
     (apply run-tests chosen))))

(defn successful?
  "True when summary has neither failures nor errors."
  [summary]
  (and (zero? (get summary :fail 0)) (zero? (get summary :error 0))))

(defn run-test-var
  "Runs the test of var v with fresh tallies, prints the summary and returns it."
  [v]
  (binding [*report-counters* (atom *initial-report-counters*)]
    (let [n (:ns (meta v))]
      (do-report {:type :begin-test-ns :ns n})
      (test-vars (list v))
      (do-report {:type :end-test-ns :ns n})
      (doto (assoc @*report-counters* :type :summary)
        (do-report)))))

(defmacro run-test
  "Runs the test named by test-symbol as run-test-var does. When the symbol resolves
  to nothing, prints so (while expanding) and does nothing."
  [test-symbol]
  (if (resolve test-symbol)
    `(run-test-var (var ~test-symbol))
    (println (str "Unable to resolve " test-symbol " to a test function."))))
