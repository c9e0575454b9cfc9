;; lazy-ns: clojure.repl
;; 30_repl.clj: clojure.repl (SPEC T2, L17), loaded on the first (require 'clojure.repl);
;; `clove repl` and the nREPL server refer source, apropos, dir, pst, doc and find-doc
;; into `user`, as clojure.main's REPL does. The output is Clojure's: (doc map) prints a
;; line of dashes, the qualified name, the arglists, "Macro" for a macro, and the
;; docstring indented by two spaces. Natives keep their docstrings in C++; the
;; clove.repl natives (natives/clove_repl/repl.cpp) give them, and the source text of a
;; definition (from the sources the VM has read, the embedded library or the file).
;; Differences: pst prints Clove's frames (ns/fn (file:line)); no specs.

(ns clojure.repl
  "Utilities meant to be used interactively at the REPL.")

;; ---- special forms ----

(def ^:private special-doc-map
  '{def {:forms [(def symbol doc-string? init?)]
         :doc "Creates and interns a global var with the name\n  of symbol in the current namespace (*ns*) or locates such a var if\n  it already exists.  If init is supplied, it is evaluated, and the\n  root binding of the var is set to the resulting value.  If init is\n  not supplied, the root binding of the var is unaffected."}
    do {:forms [(do exprs*)]
        :doc "Evaluates the expressions in order and returns the value of\n  the last. If no expressions are supplied, returns nil."}
    if {:forms [(if test then else?)]
        :doc "Evaluates test. If not the singular values nil or false,\n  evaluates and yields then, otherwise, evaluates and yields else. If\n  else is not supplied it defaults to nil."}
    quote {:forms [(quote form)] :doc "Yields the unevaluated form."}
    recur {:forms [(recur exprs*)]
           :doc "Evaluates the exprs in order, then, in parallel, rebinds\n  the bindings of the recursion point to the values of the exprs.\n  Execution then jumps back to the recursion point, a loop or fn method."}
    set! {:forms [(set! var-symbol expr)]
          :url "vars#set"
          :doc "Used to set thread-local-bound vars, Java object instance\nfields, and Java class static fields."}
    throw {:forms [(throw expr)]
           :doc "The expr is evaluated and thrown, therefore it should\n  yield an instance of some derivee of Throwable."}
    try {:forms [(try expr* catch-clause* finally-clause?)]
         :doc "catch-clause => (catch classname name expr*)\n  finally-clause => (finally expr*)\n\n  Catches and handles Java exceptions."}
    var {:forms [(var symbol)]
         :doc "The symbol must resolve to a var, and the Var object\nitself (not its value) is returned. The reader macro #'x expands to (var x)."}
    new {:forms [(Classname. args*) (new Classname args*)]
         :url "java_interop#new"
         :doc "The args, if any, are evaluated from left to right, and\n  passed to the constructor of the class named by Classname. The\n  constructed object is returned."}})

(defn- special-doc [name-symbol]
  (assoc (or (special-doc-map name-symbol) (meta (resolve name-symbol)))
         :name name-symbol
         :special-form true))

;; ---- doc ----

(defn- var-doc
  "The metadata doc prints for var v: its own, with :ns and :name, and a native's
  docstring and arglists."
  [v]
  (let [m (clove.repl/var-info v)
        text (:arglists-text m)]
    (cond-> (dissoc m :arglists-text)
      (and text (not (:arglists m))) (assoc :arglists (read-string text)))))

(defn- namespace-doc [nspace]
  (assoc (meta nspace) :name (ns-name nspace)))

(defn- print-doc [{n :ns nm :name :keys [forms arglists special-form doc url macro] :as m}]
  (println "-------------------------")
  (println (str (when n (str (ns-name n) "/")) nm))
  (when forms
    (doseq [f forms]
      (print "  ")
      (prn f)))
  (when arglists
    (prn arglists))
  (cond
    special-form (do (println "Special Form")
                     (println " " doc)
                     (if (contains? m :url)
                       (when url (println (str "\n  Please see http://clojure.org/" url)))
                       (println (str "\n  Please see http://clojure.org/special_forms#" nm))))
    macro (println "Macro"))
  (when (and doc (not special-form))
    (println " " doc)))

(defmacro doc
  "Prints documentation for a var or special form given its name,
   or for a spec if given a keyword"
  [name]
  (if-let [special-name ('{& fn catch try finally try} name)]
    `(#'print-doc (#'special-doc '~special-name))
    (cond
      (special-doc-map name) `(#'print-doc (#'special-doc '~name))
      (and (symbol? name) (find-ns name)) `(#'print-doc (#'namespace-doc (find-ns '~name)))
      (and (symbol? name) (resolve name)) `(#'print-doc (#'var-doc (var ~name))))))

(defn find-doc
  "Prints documentation for any var whose documentation or name
 contains a match for re-string-or-pattern"
  [re-string-or-pattern]
  (let [re (re-pattern re-string-or-pattern)
        ms (concat (mapcat #(sort-by :name (map var-doc (vals (ns-interns %))))
                           (sort-by ns-name (all-ns)))
                   (map namespace-doc (sort-by ns-name (all-ns)))
                   (map #(special-doc (key %)) (sort-by (comp str key) special-doc-map)))]
    (doseq [m ms
            :when (and (:doc m)
                       (or (re-find (re-matcher re (:doc m)))
                           (re-find (re-matcher re (str (:name m))))))]
      (print-doc m))))

;; ---- source ----

(defn source-fn
  "Returns a string of the source code for the given symbol, if it can
  find it. Returns nil if it can't find the source. Example: (source-fn 'filter)"
  [x]
  (when-let [v (resolve x)]
    (when (var? v)
      (let [{:keys [file line column name]} (meta v)]
        (clove.repl/source-text file line column name)))))

(defmacro source
  "Prints the source code for the given symbol, if it can find it.
  Example: (source filter)"
  [n]
  `(println (or (source-fn '~n) (str "Source not found"))))

;; ---- dir and apropos ----

(defn dir-fn
  "Returns a sorted seq of symbols naming public vars in
  a namespace or namespace alias. Looks for aliases in *ns*"
  [ns]
  (sort (keys (ns-publics (or (get (ns-aliases *ns*) ns) (the-ns ns))))))

(defmacro dir
  "Prints a sorted directory of public vars in a namespace"
  [nsname]
  `(doseq [v# (dir-fn '~nsname)]
     (println v#)))

(defn apropos
  "Given a regular expression or stringable thing, return a seq of all
public definitions in all currently-loaded namespaces that match the
str-or-pattern."
  [str-or-pattern]
  (let [matches? (if (instance? java.util.regex.Pattern str-or-pattern)
                   #(re-find str-or-pattern (str %))
                   #(clojure.string/includes? (str %) (str str-or-pattern)))]
    (sort (mapcat (fn [ns]
                    (let [ns-name (str ns)]
                      (map #(symbol ns-name (str %))
                           (filter matches? (keys (ns-publics ns))))))
                  (all-ns)))))

;; ---- stack traces ----

(defn demunge
  "Given a string representation of a fn class,
  as in a stack trace element, returns a readable version."
  [fn-name]
  (let [replacements (for [[c munged] @#'clojure.core/-char-map :when (not= c \-)] [munged (str c)])
        s (reduce (fn [s [from to]] (clojure.string/replace s from to)) fn-name replacements)]
    (-> s
        (clojure.string/replace "$" "/")
        (clojure.string/replace "__" "--")
        (clojure.string/replace "_" "-"))))

(defn root-cause
  "Returns the initial cause of an exception or error by peeling off all of
  its wrappers"
  [t]
  (loop [cause t]
    (if-let [c (ex-cause cause)] (recur c) cause)))

(defn stack-element-str
  "Returns a (possibly unmunged) string representation of a StackTraceElement: here
  an element of (:trace (Throwable->map e)), [fn-symbol method file line]."
  [[fn-sym _ file line]]
  (str fn-sym " (" file ":" line ")"))

(defn- simple-class-name [e]
  (let [s (str (class e))
        i (clojure.string/last-index-of s ".")]
    (if i (subs s (inc i)) s)))

(defn- frames [e]
  (:trace (Throwable->map e)))

(defn pst
  "Prints a stack trace of the exception, to the depth requested. If none supplied, uses
  the root cause of the most recent repl exception (*e), and a depth of 12."
  ([] (pst 12))
  ([e-or-depth]
   (if (instance? Throwable e-or-depth)
     (pst e-or-depth 12)
     (when-let [e *e]
       (pst (root-cause e) e-or-depth))))
  ([e depth]
   (binding [*out* *err*]
     (println (str (simple-class-name e) " " (ex-message e)
                   (when-let [info (ex-data e)] (str " " (pr-str info)))))
     (let [st (frames e)
           cause (ex-cause e)]
       (doseq [el (take depth st)]
         (println (str \tab (stack-element-str el))))
       (when cause
         (println "Caused by:")
         (pst cause (min depth (+ 2 (- (count (frames cause)) (count st))))))))))
