;; lazy-ns: clojure.test
;; 20_test.clj: clojure.test (SPEC T5), loaded on the first (require 'clojure.test)
;; (runtime/loader.h), not at VM start. Follows clojure/test.clj (Stuart Sierra's
;; design): `is` expands through the assert-expr multimethod, results go through the
;; dynamic `report` multimethod, counters live in *report-counters*.
;; Differences: counters are an atom (no refs); file:line of a failure comes from the
;; innermost Clove frame outside the embedded library (-stack-frames), or for an error
;; from the exception's own frames; tests of a namespace run in definition order.

(ns clojure.test
  "A unit testing framework: deftest, is, are, testing, use-fixtures, run-tests.")

;; ---- state ----

(def ^:dynamic *load-tests*
  "True by default. If set to false, no test functions will be created by deftest,
  set-test, or with-test."
  true)

(def ^:dynamic *stack-trace-depth*
  "The maximum depth of stack traces to print when an Exception is thrown during a
  test. Defaults to nil, which means print the complete stack trace."
  nil)

(def ^:dynamic *report-counters* nil)

(def ^:dynamic *initial-report-counters* {:test 0, :pass 0, :fail 0, :error 0})

(def ^:dynamic *testing-vars* (list))

(def ^:dynamic *testing-contexts* (list))

(def ^:dynamic *test-out*
  "The writer test reports go to: *out* as it was when clojure.test loaded."
  *out*)

(defmacro with-test-out
  "Runs body with *out* bound to the value of *test-out*."
  [& body]
  `(binding [*out* *test-out*]
     ~@body))

(defn file-position
  "Returns a vector [filename line-number] for the nth call up the stack. Deprecated in
  Clojure 1.2; Clove's frames are not Java's, so it gives [nil nil]."
  [n]
  [nil nil])

(defn get-possibly-unbound-var
  "Like var-get but returns nil if the var is unbound."
  [v]
  (try (var-get v) (catch IllegalStateException _ nil)))

;; ---- reporting helpers ----

(defn- basename [path]
  (let [i (clojure.string/last-index-of path "/")]
    (if i (subs path (inc i)) path)))

(defn- library-frame? [frame]
  (let [f (:file frame)]
    (if f (clojure.string/starts-with? f "clove/lib/") true)))

(defn- frame-file-and-line [frames]
  (let [f (first (remove library-frame? frames))]
    (if f {:file (basename (:file f)), :line (:line f)} {:file nil, :line nil})))

(defn testing-vars-str
  "Returns a string representation of the current test. Renders names in
  *testing-vars* as a list, then the source file and line of current assertion."
  [m]
  (str (pr-str (reverse (map (fn [v] (:name (meta v))) *testing-vars*)))
       " (" (:file m) ":" (:line m) ")"))

(defn testing-contexts-str
  "Returns a string representation of the current test context. Joins strings in
  *testing-contexts* with spaces."
  []
  (apply str (interpose " " (reverse *testing-contexts*))))

(defn inc-report-counter
  "Increments the named counter in *report-counters*, an atom."
  [name]
  (when *report-counters*
    (swap! *report-counters* (fn [m] (assoc m name (inc (get m name 0)))))))

(defmulti
  ^{:doc "Generic reporting function, may be overridden to plug in different report
  formats (e.g., TAP, JUnit). Assertions such as 'is' call 'report' to indicate
  results. The argument given to 'report' will be a map with a :type key."
    :dynamic true}
  report :type)

(defn do-report
  "Add file and line information to a test result and call report. For a :fail the
  position is the innermost frame outside clojure.test; for an :error, the innermost
  frame of the exception that has a position in user code."
  [m]
  (report
   (let [t (:type m)]
     (cond
       (= t :fail) (conj (frame-file-and-line (-stack-frames)) m)
       (= t :error) (let [pos (frame-file-and-line (-exception-frames (:actual m)))]
                      (conj (if (:file pos) pos (frame-file-and-line (-stack-frames))) m))
       :else m))))

(defn- exception-class-name [e]
  (str (type e)))

(defn- print-exception
  "Prints an exception as clojure.stacktrace/print-cause-trace does: class and
  message, ex-data (within bounds: an infinite lazy seq in it must not hang the
  report), then the frames; causes follow."
  [e depth]
  (print (str (exception-class-name e) ": " (ex-message e)))
  (when-let [d (ex-data e)]
    (newline)
    (print (-pr-str-bounded d)))
  (newline)
  (let [frames (-exception-frames e)
        frames (if depth (take depth frames) frames)]
    (loop [fs frames, lead " at "]
      (when (seq fs)
        (let [f (first fs)]
          (println (str lead (or (:fn f) "<top level>") " (" (basename (:file f)) ":" (:line f) ")")))
        (recur (next fs) "    "))))
  (when-let [c (ex-cause e)]
    (print "Caused by: ")
    (print-exception c depth)))

(defmethod report :default [m]
  (with-test-out (prn m)))

(defmethod report :pass [m]
  (with-test-out (inc-report-counter :pass)))

(defmethod report :fail [m]
  (with-test-out
    (inc-report-counter :fail)
    (println "\nFAIL in" (testing-vars-str m))
    (when (seq *testing-contexts*) (println (testing-contexts-str)))
    (when-let [message (:message m)] (println message))
    (println "expected:" (pr-str (:expected m)))
    (println "  actual:" (pr-str (:actual m)))))

(defmethod report :error [m]
  (with-test-out
    (inc-report-counter :error)
    (println "\nERROR in" (testing-vars-str m))
    (when (seq *testing-contexts*) (println (testing-contexts-str)))
    (when-let [message (:message m)] (println message))
    (println "expected:" (pr-str (:expected m)))
    (print "  actual: ")
    (let [actual (:actual m)]
      (if (instance? Throwable actual)
        (print-exception actual *stack-trace-depth*)
        (prn actual)))))

(defmethod report :summary [m]
  (with-test-out
    (println "\nRan" (:test m) "tests containing"
             (+ (:pass m) (:fail m) (:error m)) "assertions.")
    (println (:fail m) "failures," (:error m) "errors.")))

(defmethod report :begin-test-ns [m]
  (with-test-out
    (println "\nTesting" (ns-name (:ns m)))))

(defmethod report :end-test-ns [m])
(defmethod report :begin-test-var [m])
(defmethod report :end-test-var [m])

;; ---- assertions ----

(defn function?
  "Returns true if argument is a function or a symbol that resolves to a function
  (not a macro)."
  [x]
  (if (symbol? x)
    (when-let [v (resolve x)]
      (when-not (-macro? v)
        (fn? (var-get v))))
    (fn? x)))

(defn assert-predicate
  "Returns generic assertion code for any functional predicate. The 'expected'
  argument to 'report' will contains the original form, the 'actual' argument will
  contain the form with all its sub-forms evaluated. If the predicate returns false,
  the 'actual' form will be wrapped in (not...)."
  [msg form]
  (let [args (rest form)
        pred (first form)
        values (gensym "values")
        result (gensym "result")]
    (list 'let* [values (cons 'clojure.core/list args)
                 result (list 'clojure.core/apply pred values)]
          (list 'if result
                (list 'clojure.test/do-report
                      {:type :pass, :message msg, :expected (list 'quote form),
                       :actual (list 'clojure.core/cons (list 'quote pred) values)})
                (list 'clojure.test/do-report
                      {:type :fail, :message msg, :expected (list 'quote form),
                       :actual (list 'clojure.core/list ''not
                                     (list 'clojure.core/cons (list 'quote pred) values))}))
          result)))

(defn assert-any
  "Returns generic assertion code for any test, including macros, Java method calls,
  or isolated symbols."
  [msg form]
  (let [value (gensym "value")]
    (list 'let* [value form]
          (list 'if value
                (list 'clojure.test/do-report
                      {:type :pass, :message msg, :expected (list 'quote form), :actual value})
                (list 'clojure.test/do-report
                      {:type :fail, :message msg, :expected (list 'quote form), :actual value}))
          value)))

(defmulti assert-expr
  "Extension point of `is`: (defmethod assert-expr 'my-pred [msg form] ...) returns
  the code checking form. Dispatches on the head symbol of form."
  (fn [msg form]
    (cond
      (nil? form) :always-fail
      (seq? form) (first form)
      :else :default)))

(defmethod assert-expr :always-fail [msg form]
  (list 'clojure.test/do-report {:type :fail, :message msg}))

(defmethod assert-expr :default [msg form]
  (if (and (sequential? form) (function? (first form)))
    (assert-predicate msg form)
    (assert-any msg form)))

(defmethod assert-expr 'instance? [msg form]
  (let [klass (nth form 1)
        object (nth form 2)
        k (gensym "klass") o (gensym "object") r (gensym "result")]
    (list 'let* [k klass o object r (list 'clojure.core/instance? k o)]
          (list 'if r
                (list 'clojure.test/do-report
                      {:type :pass, :message msg, :expected (list 'quote form), :actual (list 'clojure.core/class o)})
                (list 'clojure.test/do-report
                      {:type :fail, :message msg, :expected (list 'quote form), :actual (list 'clojure.core/class o)}))
          r)))

(defmethod assert-expr 'thrown? [msg form]
  ;; (is (thrown? c expr)): passes when expr throws an exception of class c.
  (let [klass (second form)
        body (nthnext form 2)
        e (gensym "e")]
    (list 'try
          (cons 'do body)
          (list 'clojure.test/do-report {:type :fail, :message msg, :expected (list 'quote form), :actual nil})
          (list 'catch klass e
                (list 'clojure.test/do-report {:type :pass, :message msg, :expected (list 'quote form), :actual e})
                e))))

(defmethod assert-expr 'thrown-with-msg? [msg form]
  ;; (is (thrown-with-msg? c re expr)): passes when expr throws an exception of class
  ;; c whose message matches the regular expression re.
  (let [klass (nth form 1)
        re (nth form 2)
        body (nthnext form 3)
        e (gensym "e")
        m (gensym "m")]
    (list 'try
          (cons 'do body)
          (list 'clojure.test/do-report {:type :fail, :message msg, :expected (list 'quote form), :actual nil})
          (list 'catch klass e
                (list 'let* [m (list 'clojure.core/ex-message e)]
                      (list 'if (list 'clojure.core/and m (list 'clojure.core/re-find re m))
                            (list 'clojure.test/do-report {:type :pass, :message msg, :expected (list 'quote form), :actual e})
                            (list 'clojure.test/do-report {:type :fail, :message msg, :expected (list 'quote form), :actual e})))
                e))))

(defmacro try-expr
  "Used by the 'is' macro to catch unexpected exceptions. You don't call this."
  [msg form]
  (let [t (gensym "t")]
    (list 'try
          (assert-expr msg form)
          (list 'catch :default t
                (list 'clojure.test/do-report {:type :error, :message msg, :expected (list 'quote form), :actual t})))))

(defmacro is
  "Generic assertion macro. 'form' is any predicate test. 'msg' is an optional message
  to attach to the assertion. Example: (is (= 4 (+ 2 2)) \"Two plus two should be 4\")
  Special forms: (is (thrown? c body)) checks that an instance of c is thrown from
  body, fails if not; then returns the thing thrown. (is (thrown-with-msg? c re body))
  checks that an instance of c is thrown AND that the message on the exception
  matches (with re-find) the regular expression re."
  ([form] (list 'clojure.test/try-expr nil form))
  ([form msg] (list 'clojure.test/try-expr msg form)))

(defn- replace-symbols
  "form with every symbol that is a key of smap replaced by its value (in nested
  lists, vectors, maps and sets too): clojure.template's postwalk-replace."
  [smap form]
  (cond
    (symbol? form) (if (contains? smap form) (get smap form) form)
    (seq? form) (apply list (map (fn [x] (replace-symbols smap x)) form))
    (vector? form) (vec (map (fn [x] (replace-symbols smap x)) form))
    (map? form) (into (empty form) (map (fn [e] [(replace-symbols smap (key e)) (replace-symbols smap (val e))]) form))
    (set? form) (into (empty form) (map (fn [x] (replace-symbols smap x)) form))
    :else form))

(defmacro are
  "Checks multiple assertions with a template expression.
  Example: (are [x y] (= x y) 2 (+ 1 1) 4 (* 2 2))
  expands to: (do (is (= 2 (+ 1 1))) (is (= 4 (* 2 2))))
  The template expression is repeated once for each group of (count argv) args."
  [argv expr & args]
  (if (or (and (empty? argv) (empty? args))
          (and (pos? (count argv)) (pos? (count args)) (zero? (mod (count args) (count argv)))))
    (cons 'do
          (map (fn [group]
                 (list 'clojure.test/is
                       (replace-symbols (loop [m {}, ks (seq argv), vs (seq group)]
                                          (if ks (recur (assoc m (first ks) (first vs)) (next ks) (next vs)) m))
                                        expr)))
               (if (empty? argv) nil (partition (count argv) args))))
    (throw (IllegalArgumentException. "The number of args doesn't match are's argv."))))

(defmacro testing
  "Adds a new string to the list of testing contexts. May be nested, but must occur
  inside a test function (deftest)."
  [string & body]
  (list* 'clojure.core/binding ['clojure.test/*testing-contexts* (list 'clojure.core/conj 'clojure.test/*testing-contexts* string)]
         body))

;; ---- defining tests ----

(defmacro deftest
  "Defines a test function with no arguments. Test functions may call other tests,
  so tests may be composed. The test body goes in the var's :test metadata; calling
  the var runs it with reporting (test-var). When *load-tests* is false, deftest is
  ignored."
  [name & body]
  (when *load-tests*
    (list 'do
          (list 'def name (list 'clojure.core/fn [] (list 'clojure.test/test-var (list 'var name))))
          (list 'clojure.core/alter-meta! (list 'var name) 'clojure.core/assoc :test (list* 'clojure.core/fn [] body))
          (list 'var name))))

(defmacro deftest-
  "Like deftest but creates a private var."
  [name & body]
  (list* 'clojure.test/deftest (with-meta name (assoc (meta name) :private true)) body))

(defmacro with-test
  "Takes any definition form (that returns a Var) as the first argument. Remaining
  body goes in the :test metadata function for that Var."
  [definition & body]
  (if *load-tests*
    (list 'clojure.core/alter-meta! definition 'clojure.core/assoc :test (list* 'clojure.core/fn [] body))
    definition))

(defmacro set-test
  "Experimental. Sets :test metadata of the named var to a fn with the given body."
  [name & body]
  (when *load-tests*
    (list 'clojure.core/alter-meta! (list 'var name) 'clojure.core/assoc :test (list* 'clojure.core/fn [] body))))

;; ---- fixtures ----

(defmulti use-fixtures
  "Wrap test runs in a fixture function to perform setup and teardown. Using a
  fixture-type of :each wraps every test individually, while :once wraps the whole
  run in a single function."
  (fn [fixture-type & args] fixture-type))

(defmethod use-fixtures :each [fixture-type & args]
  (alter-meta! *ns* assoc ::each-fixtures args))

(defmethod use-fixtures :once [fixture-type & args]
  (alter-meta! *ns* assoc ::once-fixtures args))

(defn- default-fixture
  "The default, empty, fixture function. Just calls its argument."
  [f]
  (f))

(defn compose-fixtures
  "Composes two fixture functions, creating a new fixture function that combines
  their behavior."
  [f1 f2]
  (fn [g] (f1 (fn [] (f2 g)))))

(defn join-fixtures
  "Composes a collection of fixtures, in order. Always returns a valid fixture
  function, even if the collection is empty."
  [fixtures]
  (reduce compose-fixtures default-fixture fixtures))

;; ---- running tests ----

(defn test-var
  "If v has a function in its :test metadata, calls that function, with *testing-vars*
  bound to (conj *testing-vars* v)."
  [v]
  (when-let [t (:test (meta v))]
    (binding [*testing-vars* (conj *testing-vars* v)]
      (do-report {:type :begin-test-var, :var v})
      (inc-report-counter :test)
      (try
        (t)
        (catch :default e
          (do-report {:type :error, :message "Uncaught exception, not in assertion."
                      :expected nil, :actual e})))
      (do-report {:type :end-test-var, :var v}))))

(defn- by-definition-order [vars]
  (sort-by (fn [v] (let [m (meta v)] [(or (:line m) 0) (or (:column m) 0) (str (:name m))])) vars))

(defn test-vars
  "Groups vars by their namespace and runs test-var on them with appropriate fixtures
  applied."
  [vars]
  (let [groups (group-by (fn [v] (:ns (meta v))) vars)]
    (doseq [ns (distinct (map (fn [v] (:ns (meta v))) vars))]
      (when ns
        (let [once-fixture-fn (join-fixtures (::once-fixtures (meta ns)))
              each-fixture-fn (join-fixtures (::each-fixtures (meta ns)))]
          (once-fixture-fn
           (fn []
             (doseq [v (get groups ns)]
               (when (:test (meta v))
                 (each-fixture-fn (fn [] (test-var v))))))))))))

(defn test-all-vars
  "Calls test-vars on every var interned in the namespace, with fixtures, in the order
  the tests were defined."
  [ns]
  (test-vars (by-definition-order (vals (ns-interns ns)))))

(defn test-ns
  "If the namespace defines a function named test-ns-hook, calls that. Otherwise,
  calls test-all-vars on the namespace. 'ns' is a namespace object or a symbol.
  Internally binds *report-counters* to an atom initialized to
  *initial-report-counters*. Returns the final, dereferenced state of
  *report-counters*."
  [ns]
  (binding [*report-counters* (atom *initial-report-counters*)]
    (let [ns-obj (the-ns ns)]
      (do-report {:type :begin-test-ns, :ns ns-obj})
      (if-let [v (find-var (symbol (str (ns-name ns-obj)) "test-ns-hook"))]
        ((var-get v))
        (test-all-vars ns-obj))
      (do-report {:type :end-test-ns, :ns ns-obj}))
    @*report-counters*))

(defn- add-counters [a b]
  (reduce (fn [m k] (assoc m k (+ (get m k 0) (get b k 0)))) a (keys b)))

(defn run-tests
  "Runs all tests in the given namespaces; prints results. Defaults to current
  namespace if none given. Returns a map summarizing test results."
  ([] (run-tests *ns*))
  ([& namespaces]
   (let [summary (assoc (reduce add-counters *initial-report-counters* (map test-ns namespaces))
                        :type :summary)]
     (do-report summary)
     summary)))

(defn run-all-tests
  "Runs all tests in all namespaces; prints results. Optional argument is a regular
  expression; only namespaces with names matching the regular expression (with
  re-matches) will be tested."
  ([] (apply run-tests (all-ns)))
  ([re] (apply run-tests (filter (fn [ns] (re-matches re (name (ns-name ns)))) (all-ns)))))

(defn successful?
  "Returns true if the given test summary indicates all tests were successful, false
  otherwise."
  [summary]
  (and (zero? (:fail summary 0))
       (zero? (:error summary 0))))

(defn run-test-var
  "Runs the tests for a single Var, with fixtures executed around the test, and
  summary output after test completion."
  [v]
  (binding [*report-counters* (atom *initial-report-counters*)]
    (let [ns-obj (:ns (meta v))]
      (do-report {:type :begin-test-ns, :ns ns-obj})
      (test-vars [v])
      (do-report {:type :end-test-ns, :ns ns-obj})
      (let [summary (assoc @*report-counters* :type :summary)]
        (do-report summary)
        summary))))

(defmacro run-test
  "Runs a single test. Because the intent is to run a single test, there is no check
  for the namespace test-ns-hook."
  [test-symbol]
  (list 'clojure.test/run-test-var (list 'var test-symbol)))

