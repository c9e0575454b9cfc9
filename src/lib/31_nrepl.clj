;; lazy-ns: clove.nrepl
;; 31_nrepl.clj: clove.nrepl, the half of the nREPL server (src/tools/nrepl/) written in
;; Clove: sessions' dynamic bindings and namespaces, and the answers of the tooling ops
;; (completions, info, eldoc, macroexpand). The C++ half owns the sockets, the message
;; queue and the evaluation loop, and calls these functions on the server's one VM.
;; Every answer is plain data (maps with keyword keys, strings, vectors) that the
;; server turns into bencode.

(ns clove.nrepl
  "Sessions and tooling answers for the nREPL server (clove nrepl-server)."
  (:require [clojure.repl]
            [clojure.string :as str]))

;; What editors evaluate on connecting (CIDER: (apply require clojure.main/repl-requires)):
;; the libs clojure.main's REPL refers in user.
(intern (create-ns 'clojure.main) 'repl-requires
        '[[clojure.repl :refer (source apropos dir pst doc find-doc)]])

;; ---- sessions ----

(def ^:private session-vars
  [#'*1 #'*2 #'*3 #'*e #'*print-length* #'*print-level* #'*print-meta*
   #'*print-namespace-maps* #'*warn-on-reflection* #'*unchecked-math* #'*assert*
   #'*data-readers* #'*default-data-reader-fn* #'*math-context* #'*command-line-args*])

;; session id -> {:ns symbol, :bindings {var value}}
(def ^:private sessions (atom {}))

(defn- current-bindings []
  (into {} (map (fn [v] [v (deref v)])) session-vars))

(defn- fresh-session []
  {:ns 'user :bindings (assoc (current-bindings) #'*1 nil #'*2 nil #'*3 nil #'*e nil)})

(defn new-session
  "Registers session id, a copy of session `from`'s namespace and bindings when that
  exists, else a fresh one in user. Returns id."
  [id from]
  (swap! sessions assoc id (or (get @sessions from) (fresh-session)))
  id)

(defn close-session
  "Forgets session id."
  [id]
  (swap! sessions dissoc id)
  nil)

(defn enter-session
  "Makes session id's namespace current and pushes its bindings (a new session when id
  is unknown); leave-session undoes it."
  [id]
  (let [{:keys [ns bindings]} (or (get @sessions id) (get (swap! sessions assoc id (fresh-session)) id))]
    (in-ns ns)
    (push-thread-bindings bindings)
    nil))

(defn leave-session
  "Saves the bindings and namespace of session id (entered with enter-session) and pops
  its bindings."
  [id]
  (let [saved {:ns (ns-name *ns*) :bindings (current-bindings)}]
    (pop-thread-bindings)
    (swap! sessions assoc id saved)
    nil))

(defn record-value
  "After a form evaluated to v: *3 *2 *1 move along, as in clojure.main's REPL. Returns
  v printed readably."
  [v]
  (set! *3 *2)
  (set! *2 *1)
  (set! *1 v)
  (pr-str v))

(defn- class-str [e] (str (class e)))

(defn record-error
  "After a form threw e: sets *e and returns [ex root-ex], the class names nREPL reports
  (\"class java.lang.ArithmeticException\")."
  [e]
  (set! *e e)
  [(class-str e) (class-str (clojure.repl/root-cause e))])

;; ---- completions ----

(defn- var-type [v]
  (let [m (clove.repl/var-info v)]
    (cond (:macro m) "macro"
          (and (bound? v) (fn? @v)) "function"
          :else "var")))

(defn- candidate [text type ns]
  (cond-> {:candidate text :type type}
    ns (assoc :ns (str ns))))

(def ^:private special-forms
  '[def if do let* loop* recur fn* quote var throw try catch finally letfn* set! case* new])

(defn completions
  "Completion candidates for prefix in namespace ns-str (a string): vars the namespace
  sees, namespaces, aliases, qualified names (alias/name, ns/name), special forms,
  host class names Clove knows and keywords (:k, ::k). Each is {:candidate :type :ns?}, sorted by candidate."
  [prefix ns-str]
  (let [nspace (or (some-> ns-str symbol find-ns) *ns*)
        starts? #(str/starts-with? % prefix)
        classes (set (clove.repl/class-names))
        result
        (cond
          (str/starts-with? prefix "::")
          (for [k (clove.repl/keywords)
                :when (= (namespace k) (str (ns-name nspace)))
                :let [c (str "::" (name k))]
                :when (starts? c)]
            (candidate c "keyword" nil))

          (str/starts-with? prefix ":")
          (for [k (clove.repl/keywords)
                :let [c (str k)]
                :when (starts? c)]
            (candidate c "keyword" nil))

          (str/includes? prefix "/")
          (let [i (str/index-of prefix "/")
                qual (subs prefix 0 i)
                target (or (get (ns-aliases nspace) (symbol qual)) (find-ns (symbol qual)))]
            (when target
              (for [[sym v] (ns-publics target)
                    :let [c (str qual "/" sym)]
                    :when (starts? c)]
                (candidate c (var-type v) (ns-name target)))))

          :else
          (concat
           (for [[sym v] (ns-map nspace)
                 :when (and (var? v) (starts? (str sym)) (not (classes (str sym))))
                 :let [m (clove.repl/var-info v)]
                 :when (or (= (:ns m) nspace) (not (:private m)))]
             (candidate (str sym) (var-type v) (ns-name (:ns m))))
           (for [n (all-ns) :let [c (str (ns-name n))] :when (starts? c)]
             (candidate c "namespace" nil))
           (for [[a _] (ns-aliases nspace) :let [c (str a)] :when (starts? c)]
             (candidate c "namespace" nil))
           (for [s special-forms :let [c (str s)] :when (starts? c)]
             (candidate c "special-form" nil))
           (for [c (clove.repl/class-names) :when (starts? c)]
             (candidate c "class" nil))))]
    (vec (sort-by :candidate (distinct result)))))

;; ---- info, eldoc ----

(defn- resolve-in [ns-str sym-text]
  (let [nspace (or (some-> ns-str symbol find-ns) *ns*)
        sym (symbol sym-text)]
    (try (ns-resolve nspace sym) (catch Exception _ nil))))

(defn info
  "What the info/lookup op reports for sym-text seen from namespace ns-str: {:ns :name
  :arglists-str :doc :file :line :column :macro ...}, or nil when it names nothing."
  [sym-text ns-str]
  (let [sym (symbol sym-text)
        special (get @#'clojure.repl/special-doc-map sym)]
    (cond
      special
      {:name sym-text :special-form "true" :doc (:doc special)
       :forms-str (str/join " " (map pr-str (:forms special)))}

      (and (not (str/includes? sym-text "/")) (find-ns sym))
      (let [n (find-ns sym)]
        (cond-> {:ns sym-text :name sym-text}
          (:doc (meta n)) (assoc :doc (:doc (meta n)))))

      :else
      (let [v (resolve-in ns-str sym-text)]
        (when (var? v)
          (let [m (#'clojure.repl/var-doc v)]
            (cond-> {:ns (str (ns-name (:ns m))) :name (str (:name m))}
              (:arglists m) (assoc :arglists-str (pr-str (:arglists m)))
              (:doc m) (assoc :doc (:doc m))
              (:file m) (assoc :file (:file m))
              (:line m) (assoc :line (:line m))
              (:column m) (assoc :column (:column m))
              (:macro m) (assoc :macro "true")
              (:dynamic m) (assoc :dynamic "true"))))))))

(defn eldoc
  "What the eldoc op reports: {:eldoc [[arg ...] ...] :name :ns :type :docstring}, or nil."
  [sym-text ns-str]
  (let [v (resolve-in ns-str sym-text)]
    (when (var? v)
      (let [m (#'clojure.repl/var-doc v)]
        (when (:arglists m)
          (cond-> {:eldoc (mapv #(mapv str %) (:arglists m))
                   :name (str (:name m))
                   :ns (str (ns-name (:ns m)))
                   :type (if (:macro m) "macro" "function")}
            (:doc m) (assoc :docstring (:doc m))))))))

;; ---- macroexpand ----

(defn expand
  "The macroexpand op: code (a string) read and expanded with expander (\"macroexpand\",
  \"macroexpand-1\" or \"macroexpand-all\") in namespace ns-str; the expansion printed."
  [code expander ns-str]
  (let [saved *ns*]
    (try
      (when-let [n (some-> ns-str symbol find-ns)] (in-ns (ns-name n)))
      (let [form (read-string code)
            expanded (case expander
                       "macroexpand-1" (macroexpand-1 form)
                       "macroexpand-all" (do (require 'clojure.walk)
                                             ((resolve 'clojure.walk/macroexpand-all) form))
                       (macroexpand form))]
        (pr-str expanded))
      (finally (in-ns (ns-name saved))))))
