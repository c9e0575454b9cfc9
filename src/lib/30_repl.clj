;; lazy-ns: clojure.repl
;; 30_repl.clj: clojure.repl (SPEC T2, L17), loaded on the first (require 'clojure.repl);
;; `clove repl` and the nREPL server refer source, apropos, dir, pst, doc and find-doc
;; into `user`, as clojure.main's REPL does. Written for Clove from the documented and
;; observed behaviour of Clojure's clojure.repl; what it prints is what Clojure prints
;; (the special forms' texts below are the ones Clojure shows for them). Natives keep
;; their docstrings and arglists in C++ and the source text of a definition comes from
;; the sources the VM has read (the embedded library or the file): both through the
;; clove.repl natives (natives/clove_repl/repl.cpp). Differences: pst prints Clove's
;; frames (ns/fn (file:line)); no specs. 31_nrepl.clj uses special-doc-map and var-doc.

(ns clojure.repl
  "Tools for the REPL: documentation (doc, find-doc), source, the contents of
  namespaces (dir, apropos) and exceptions (pst, root-cause, demunge).")

;; ---------------------------------------------------------------------------------
;; What doc shows

;; The special forms as Clojure's (doc ...) shows them: [name forms text page], page
;; relative to http://clojure.org/ (nil: special_forms#name).
(def ^:private special-rows
  '[
   [def [(def symbol doc-string? init?)] "Creates and interns a global var with the name\n  of symbol in the current namespace (*ns*) or locates such a var if\n  it already exists.  If init is supplied, it is evaluated, and the\n  root binding of the var is set to the resulting value.  If init is\n  not supplied, the root binding of the var is unaffected." nil]
   [if [(if test then else?)] "Evaluates test. If not the singular values nil or false,\n  evaluates and yields then, otherwise, evaluates and yields else. If\n  else is not supplied it defaults to nil." nil]
   [do [(do exprs*)] "Evaluates the expressions in order and returns the value of\n  the last. If no expressions are supplied, returns nil." nil]
   [quote [(quote form)] "Yields the unevaluated form." nil]
   [var [(var symbol)] "The symbol must resolve to a var, and the Var object\nitself (not its value) is returned. The reader macro #'x expands to (var x)." nil]
   [recur [(recur exprs*)] "Evaluates the exprs in order, then, in parallel, rebinds\n  the bindings of the recursion point to the values of the exprs.\n  Execution then jumps back to the recursion point, a loop or fn method." nil]
   [throw [(throw expr)] "The expr is evaluated and thrown, therefore it should\n  yield an instance of some derivee of Throwable." nil]
   [try [(try expr* catch-clause* finally-clause?)] "catch-clause => (catch classname name expr*)\n  finally-clause => (finally expr*)\n\n  Catches and handles Java exceptions." nil]
   [monitor-enter [(monitor-enter x)] "Synchronization primitive that should be avoided\n  in user code. Use the 'locking' macro." nil]
   [monitor-exit [(monitor-exit x)] "Synchronization primitive that should be avoided\n  in user code. Use the 'locking' macro." nil]
   [new [(Classname. args*) (new Classname args*)] "The args, if any, are evaluated from left to right, and\n  passed to the constructor of the class named by Classname. The\n  constructed object is returned." "java_interop#new"]
   [set! [(set! var-symbol expr) (set! (. instance-expr instanceFieldName-symbol) expr) (set! (. Classname-symbol staticFieldName-symbol) expr)] "Used to set thread-local-bound vars, Java object instance\nfields, and Java class static fields." "vars#set"]
   [. [(.instanceMember instance args*) (.instanceMember Classname args*) (Classname/staticMethod args*) Classname/staticField] "The instance member form works for both fields and methods.\n  They all expand into calls to the dot operator at macroexpansion time." "java_interop#dot"]
   ])

(def ^:private special-doc-map
  (into {}
        (for [[sym forms text page] special-rows]
          [sym {:forms forms :doc text :url page}])))

(def ^:private special-aliases
  "Symbols documented under another special form."
  '{catch try finally try})

(defn- special-entry
  "The description of special form sym for print-entry, or nil."
  [sym]
  (let [target (get special-aliases sym sym)]
    (when-let [{:keys [forms doc url]} (get special-doc-map target)]
      {:title (str target)
       :forms forms
       :kind "Special Form"
       :doc doc
       :url (str "http://clojure.org/" (or url (str "special_forms#" target)))})))

(defn- var-doc
  "Var v's metadata, with a native's docstring and arglists (kept in C++) filled in."
  [v]
  (let [info (clove.repl/var-info v)
        m (merge (meta v) info)]
    (if (and (nil? (:arglists m)) (:arglists-text m))
      (assoc m :arglists (read-string (:arglists-text m)))
      m)))

(defn- var-entry [v]
  (let [m (var-doc v)]
    {:title (str (ns-name (:ns m)) "/" (:name m))
     :arglists (:arglists m)
     :kind (when (:macro m) "Macro")
     :doc (:doc m)}))

(defn- ns-entry [n]
  {:title (str (ns-name n)) :doc (:doc (meta n))})

(defn- print-entry
  "Prints a doc entry in Clojure's layout: dashes, the title, the forms (each on its
  own line, indented) or the arglists, the kind, the docstring indented by two spaces
  and, for a special form, where to read more."
  [{:keys [title forms arglists kind doc url]}]
  (println "-------------------------")
  (println title)
  (doseq [f forms] (println (str "  " (pr-str f))))
  (when arglists (prn arglists))
  (when kind (println kind))
  (when doc (println (str "  " doc)))
  (when url
    (newline)
    (println (str "  Please see " url))))

(defn- entry-for
  "The doc entry of what sym names, seen from namespace nspace, or nil."
  [nspace sym]
  (or (special-entry sym)
      (let [v (try (ns-resolve nspace sym) (catch Exception _ nil))]
        (when (var? v) (var-entry v)))
      (when-let [n (and (nil? (namespace sym)) (find-ns sym))]
        (ns-entry n))))

(defn- show-doc [sym nspace-name]
  (when-let [entry (entry-for (the-ns nspace-name) sym)]
    (print-entry entry)))

(defmacro doc
  "Prints the documentation of what name names: a special form, a var (its qualified
  name, arglists, whether it is a macro, docstring) or a namespace. Prints nothing
  when it names none of these."
  [name]
  (list (list 'var 'clojure.repl/show-doc) (list 'quote name) (list 'quote (ns-name *ns*))))

(defn find-doc
  "Prints the documentation (as doc does) of every var in every namespace, every
  namespace and every special form whose docstring or name matches
  re-string-or-pattern (a regex, or a string made into one)."
  [re-string-or-pattern]
  (let [pattern (re-pattern re-string-or-pattern)
        hit? (fn [{:keys [title doc]}]
               (or (and doc (re-find pattern doc)) (re-find pattern title)))
        namespaces (sort-by ns-name (all-ns))
        entries (concat
                 (for [n namespaces
                       v (sort-by #(str (:name (meta %))) (vals (ns-interns n)))
                       :let [m (meta v)]
                       :when (:doc m)]
                   (var-entry v))
                 (for [n namespaces :when (:doc (meta n))] (ns-entry n))
                 (keep (comp special-entry first) special-rows))]
    (doseq [e entries :when (hit? e)]
      (print-entry e))))

;; ---------------------------------------------------------------------------------
;; Source

(defn source-fn
  "The source text of the definition of the var that symbol x names (resolved in the
  current namespace), or nil when there is no such var or its source cannot be found."
  [x]
  (when-let [v (try (resolve x) (catch Exception _ nil))]
    (when (var? v)
      (let [{:keys [file line column name]} (meta v)]
        (when (and file line)
          (clove.repl/source-text file line (or column 1) name))))))

(defmacro source
  "Prints the source of the definition of the var n names, or \"Source not found\"."
  [n]
  (list 'clojure.core/println
        (list 'clojure.core/or
              (list 'clojure.repl/source-fn (list 'quote n))
              "Source not found")))

;; ---------------------------------------------------------------------------------
;; Namespaces

(defn dir-fn
  "The sorted names of the public vars of namespace ns: a namespace, its name or an
  alias in the current namespace. Throws when there is no such namespace."
  [ns]
  (let [target (if (symbol? ns)
                 (or ((ns-aliases *ns*) ns) (the-ns ns))
                 (the-ns ns))]
    (->> (ns-publics target) keys sort)))

(defmacro dir
  "Prints the sorted names of the public vars of namespace nsname, one a line."
  [nsname]
  (list 'clojure.core/doseq ['name (list 'clojure.repl/dir-fn (list 'quote nsname))]
        (list 'clojure.core/println 'name)))

(defn apropos
  "The qualified names, sorted, of the public vars of every namespace whose name
  contains str-or-pattern (a string) or matches it (a regex)."
  [str-or-pattern]
  (let [match? (if (instance? java.util.regex.Pattern str-or-pattern)
                 #(re-find str-or-pattern %)
                 #(clojure.string/includes? % (str str-or-pattern)))]
    (sort (for [n (all-ns)
                sym (keys (ns-publics n))
                :when (match? (str sym))]
            (symbol (str (ns-name n)) (str sym))))))

;; ---------------------------------------------------------------------------------
;; Exceptions

(def ^:private unmunge-table
  (let [specials "-:+><=~!@#'\"%^&*|{}[]/\\?"]
    (into {} (for [c specials] [(munge (str c)) (str c)]))))

(def ^:private munged-token
  ;; the longest tokens first, so _PLUS_ wins over a lone _
  ;; (the tokens are made of capitals and underscores only: nothing to escape)
  (re-pattern (clojure.string/join "|" (sort-by (comp - count) (keys unmunge-table)))))

(defn demunge
  "Turns the name of the host class behind a fn (as in a stack trace) back into the
  fn's Clojure name: clojure.core$map becomes clojure.core/map, my_ns$f_QMARK_
  becomes my-ns/f?."
  [fn-name]
  (-> (str fn-name)
      (clojure.string/replace "$" "/")
      (clojure.string/replace munged-token unmunge-table)))

(defn root-cause
  "The last throwable in t's chain of causes (t itself when it has no cause)."
  [t]
  (loop [cur t]
    (if-let [c (ex-cause cur)] (recur c) cur)))

(defn stack-element-str
  "A stack frame [fn method file line], as given by (:trace (Throwable->map e)), as
  text: fn (file:line)."
  [[fn-sym _ file line]]
  (str fn-sym " (" file ":" line ")"))

(defn- short-class-name [t]
  (let [full (str (:type (first (:via (Throwable->map t)))))]
    (subs full (inc (.lastIndexOf full ".")))))

(defn- print-throwable-lines [t depth]
  (let [data (ex-data t)]
    (println (str (short-class-name t) " " (ex-message t)
                  (when data (str " " (pr-str data))))))
  (doseq [frame (take depth (:trace (Throwable->map t)))]
    (println (str "\t" (stack-element-str frame))))
  (when-some [c (ex-cause t)]
    (println "Caused by:")
    (recur c depth)))

(defn pst
  "Prints exception e (default *e, the last one at the REPL) to *err*: its short class
  name, message and ex-data, then at most depth frames (default 12), then the same
  for each cause after \"Caused by:\". (pst n) prints *e with depth n. Prints nothing
  when there is no exception."
  ([] (pst *e 12))
  ([e-or-depth]
   (if (number? e-or-depth)
     (pst *e e-or-depth)
     (pst e-or-depth 12)))
  ([e depth]
   (when e
     (binding [*out* *err*] (print-throwable-lines e depth)))))
