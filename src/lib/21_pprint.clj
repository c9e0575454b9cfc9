;; lazy-ns: clojure.pprint
;; 21_pprint.clj: clojure.pprint (SPEC L16/L17), loaded on the first
;; (require 'clojure.pprint). Written for Clove from R. C. Waters' description of XP
;; ("XP: A Common Lisp Pretty Printing System", 1989) and the Common Lisp HyperSpec's
;; FORMAT directives; behaviour (output, quirks) checked against JVM Clojure 1.11.
;;
;; The layout engine ("layout" below) is a streaming XP: text, logical blocks and
;; conditional newlines arrive in order; while some newline is undecided they wait in a
;; queue, and a newline is decided when its section ends (it fits: no break) or when the
;; queued text runs past the right margin (the leftmost undecided newline breaks).
;; Clove's writers are native, so the engine is not a writer: while it is in use, *out*
;; is a StringWriter (its "capture") whose text the engine takes (-take-string-writer)
;; before each of its own operations.

(ns clojure.pprint
  "A pretty printer for Clojure data and code (pprint, write, code-dispatch) and
  Common Lisp's format (cl-format).")

;; ---------------------------------------------------------------------------
;; Public control variables

(def ^:dynamic *print-pretty*
  "Bind to true if you want write to use pretty printing."
  true)

(declare simple-dispatch)

(def ^:dynamic *print-pprint-dispatch*
  "The function pprint and write call to lay out each object (simple-dispatch by
  default). Change it with set-pprint-dispatch, or for a body with
  with-pprint-dispatch."
  nil)

(def ^:dynamic *print-right-margin*
  "The column, counted from 0, that pretty printing keeps lines within where it can.
  nil means no limit: then only mandatory newlines break lines."
  72)

(def ^:dynamic *print-miser-width*
  "When a logical block starts within this many columns of the right margin, it is
  laid out in miser style: its conditional :miser newlines break too, trading lines
  for room for deeper nesting. nil turns miser style off."
  40)

(def ^:dynamic *print-suppress-namespaces*
  "When true, symbols print without their namespace, which makes macro expansions
  (full of clojure.core/...) easier to read."
  nil)

(def ^:dynamic *print-radix*
  "When true, integers and ratios print with a prefix naming *print-base*: #b, #o
  or #x for bases 2, 8 and 16, #Nr (N in decimal) for any other base, and a
  trailing . for decimal integers."
  nil)

(def ^:dynamic *print-base*
  "The radix, 2 to 36, in which pprint and write print integers and ratios."
  10)

;; The nesting level and the count of items written in the current logical block, for
;; *print-level* and *print-length*.
(def ^:dynamic ^:private *level* 0)
(def ^:dynamic ^:private *length* nil)

;; ---------------------------------------------------------------------------
;; Widths: columns are counted as the JVM counts chars (UTF-16 units).

(defn- text-width
  "The number of UTF-16 units of s: a character outside the Basic Multilingual Plane
  counts two."
  [^String s]
  (if (re-find #"[\x{10000}-\x{10FFFF}]" s)
    (reduce (fn [w c] (if (> (int c) 0xFFFF) (+ w 2) (inc w))) 0 s)
    (count s)))

(defn- spaces [n]
  (if (pos? n) (apply str (repeat n \space)) ""))

;; ---------------------------------------------------------------------------
;; The layout engine. Its state is one map in a volatile:
;;   :sink     the writer the finished text goes to
;;   :margin   the right margin (nil: never break conditionally)
;;   :miser    the miser width (nil: never miser)
;;   :col      the column where the next emitted text starts
;;   :line     the emitted text of the current line (strings)
;;   :queue    the tokens waiting behind the first undecided newline
;;   :qw       the width of the text in :queue
;;   :block    the innermost open block
;; A block is a volatile map: :parent :depth :prefix :line-prefix :suffix, and once its
;; start has been emitted :start (its column after the prefix) and :indent; :broken
;; when one of its linear newlines has broken; :spaced once one of its newlines that
;; directly followed text ending in a space has been laid out unbroken.
;; A token is [:text s w], [:open block], [:close block], [:nl kind block state w] with
;; state a volatile (:pending, :break or :flat) and w 0 when the newline directly
;; followed text ending in a space, else 1, or [:indent block kind n].
;; The layout's :after-space says whether the last token was such text.

(defn- new-layout [sink]
  (volatile! {:sink sink :margin *print-right-margin* :miser *print-miser-width*
              :col 0 :line [] :queue [] :qw 0
              :block (volatile! {:depth 0 :start 0 :indent 0})}))

(defn- flush-line!
  "Writes the emitted part of the current line to the sink."
  [lay]
  (let [{:keys [line sink]} @lay]
    (when (seq line)
      (.write sink ^String (apply str line))
      (vswap! lay assoc :line [] :fixed 0))))

(defn- emit-text!
  "Emits text s of width w. Where the line breaks, the trailing spaces of the text
  emitted since the last other token are dropped: fixed? marks the text of such a
  token (a prefix or suffix), which stays."
  ([lay s w] (emit-text! lay s w false))
  ([lay s w fixed?]
   (vswap! lay (fn [m] (cond-> (-> m (update :line conj s) (update :col + w))
                         fixed? (assoc :fixed (inc (count (:line m)))))))))

(defn- fix-line!
  "Marks the text emitted so far as not to be trimmed (another token came)."
  [lay]
  (vswap! lay (fn [m] (assoc m :fixed (count (:line m))))))

(defn- trim-line
  "The text of a line without the trailing spaces of its pieces from index fixed on."
  [line fixed]
  (loop [i (count line)]
    (if (> i fixed)
      (let [^String p (line (dec i))
            e (loop [j (count p)]
                (if (and (pos? j) (= \space (.charAt p (dec j)))) (recur (dec j)) j))]
        (if (zero? e)
          (recur (dec i))
          (apply str (conj (subvec line 0 (dec i)) (subs p 0 e)))))
      (apply str (subvec line 0 i)))))

(defn- block-chain [b]
  (loop [b b acc ()]
    (if b (recur (:parent @b) (cons b acc)) acc)))

(defn- emit-break!
  "Ends the line and starts the next one in block b: the per-line prefixes of b and
  the blocks around it, then spaces up to b's indentation."
  [lay b]
  (let [{:keys [line sink fixed]} @lay
        prefix (apply str (keep #(:line-prefix @%) (block-chain b)))
        pw (text-width prefix)
        ind (:indent @b 0)
        head (str prefix (spaces (- ind pw)))]
    (loop [c b] (when (and c (not (:broken @c))) (vswap! c assoc :broken true) (recur (:parent @c))))
    (.write sink (str (trim-line line (or fixed 0)) "\n"))
    (vswap! lay assoc :line [head] :fixed 1 :col (max ind pw))))

(defn- miser?
  "Whether block b is laid out in miser style (false while its start is not known)."
  [lay b]
  (let [{:keys [margin miser]} @lay
        start (:start @b)]
    (boolean (and margin miser start (>= start (- margin miser))))))

(defn- emit-token!
  "Emits one token that is not an undecided newline."
  [lay [t x y z :as tok]]
  (case t
    :text (emit-text! lay x y)
    :open (let [p (:prefix @x)]
            (if p (emit-text! lay p (text-width p) true) (fix-line! lay))
            (let [c (:col @lay)] (vswap! x assoc :start c :indent c)))
    :close (if-let [s (:suffix @x)] (emit-text! lay s (text-width s) true) (fix-line! lay))
    :indent (do (fix-line! lay)
                (vswap! x assoc :indent (+ z (if (= y :block) (:start @x) (:col @lay)))))
    :nl (if (= :break @z)
          (emit-break! lay y)
          (do (when (= 0 (get tok 4)) (vswap! y assoc :spaced true))
              (fix-line! lay)))))

(defn- breaks-when-due?
  "Whether newline token [:nl kind b] must break as soon as it comes up, because its
  block has already broken."
  [lay kind b]
  (and (:broken @b)
       (or (= kind :linear)
           (and (= kind :miser) (miser? lay b)))))

(defn- width-of [tok]
  (case (tok 0)
    :text (tok 2)
    :open (if-let [p (:prefix @(tok 1))] (text-width p) 0)
    :close (if-let [s (:suffix @(tok 1))] (text-width s) 0)
    0))

(defn- drain!
  "Emits queued tokens from the front up to the first undecided newline; a newline of
  a broken block breaks on the way."
  [lay]
  (loop []
    (let [q (:queue @lay)]
      (when (seq q)
        (let [tok (first q)]
          (if (and (= :nl (tok 0)) (= :pending @(tok 3)))
            (when (breaks-when-due? lay (tok 1) (tok 2))
              (vreset! (tok 3) :break)
              (recur))
            (do (vswap! lay (fn [m] (-> m (assoc :queue (subvec q 1))
                                        (update :qw - (width-of tok)))))
                (emit-token! lay tok)
                (recur))))))))

(defn- overflow!
  "While the queued text runs past the right margin, breaks (or, for a miser newline
  outside miser style, settles) the first undecided newline."
  [lay]
  (loop []
    (let [{:keys [queue qw col margin]} @lay
          [_ kind b state extra] (first queue)
          ;; as on the JVM, these break at the margin itself (need one more
          ;; column): a newline that does not directly follow text ending in a
          ;; space, while no such newline of its block has been laid out unbroken
          ;; (:spaced), and a fill newline of a broken block in miser style
          end (+ col qw (if (or (and (= extra 1) (not (:spaced @b)))
                                (and (= kind :fill) (:broken @b) (miser? lay b)))
                          1 0))]
      (when (and margin (seq queue) (> end margin))
        (do
          (cond
            (= kind :miser) (vreset! state (if (miser? lay b) :break :flat))
            :else (vreset! state :break))
          (drain! lay)
          (recur))))))

(defn- ends-with-space? [^String s]
  (let [n (count s)]
    (and (pos? n) (let [c (.charAt s (dec n))] (or (= c \space) (= c \tab))))))

(defn- enqueue! [lay tok]
  (vswap! lay assoc :after-space (and (= :text (tok 0)) (ends-with-space? (tok 1))))
  (if (seq (:queue @lay))
    (do (vswap! lay (fn [m] (-> m (update :queue conj tok) (update :qw + (width-of tok)))))
        (overflow! lay))
    (emit-token! lay tok)))

(defn- settle-all!
  "Settles every undecided newline as not breaking and emits the queue."
  [lay]
  (doseq [tok (:queue @lay)]
    (when (and (= :nl (tok 0)) (= :pending @(tok 3)))
      (when-not (breaks-when-due? lay (tok 1) (tok 2))
        (vreset! (tok 3) :flat))))
  (drain! lay)
  (doseq [tok (:queue @lay)]   ; the queue was drained only up to a due break
    (when (and (= :nl (tok 0)) (= :pending @(tok 3))) (vreset! (tok 3) :flat)))
  (drain! lay))

(defn- lay-text!
  "Adds text s: a line break inside it settles all undecided newlines and starts a
  new line at column 0, as the text says."
  [lay ^String s]
  (when-not (= "" s)
    (let [i (.indexOf s "\n")]
      (if (neg? i)
        (enqueue! lay [:text s (text-width s)])
        (let [j (.lastIndexOf s "\n")]
          (when (pos? i) (enqueue! lay [:text (subs s 0 i) (text-width (subs s 0 i))]))
          (settle-all! lay)
          (.write (:sink @lay) ^String (apply str (:line @lay)))
          (.write (:sink @lay) ^String (subs s i (inc j)))
          (let [rest (subs s (inc j))]
            (vswap! lay assoc :line [rest] :fixed 0 :col (text-width rest) :after-space (ends-with-space? rest))))))))

(defn- lay-open! [lay prefix line-prefix suffix]
  (let [parent (:block @lay)
        b (volatile! {:parent parent :depth (inc (:depth @parent))
                      :prefix prefix :line-prefix line-prefix
                      :suffix suffix})]
    (vswap! lay assoc :block b)
    (enqueue! lay [:open b])))

(defn- lay-close! [lay]
  (let [b (:block @lay)]
    (vswap! lay assoc :block (:parent @b))
    (enqueue! lay [:close b])))

(defn- settles?
  "Whether newline kind k of block b is settled (not breaking) by a later newline at
  depth d: its section has ended and nothing ran past the margin. (A fill newline's
  section ends at the next newline of its block, except in miser style.)"
  [lay k b d]
  (let [bd (:depth @b)]
    (or (> bd d) (and (= k :fill) (= bd d) (not (miser? lay b))))))

(defn- lay-newline! [lay kind]
  (let [b (:block @lay)
        d (:depth @b)
        after-space (:after-space @lay)]
    (vswap! lay assoc :after-space false)
    (if (= kind :mandatory)
      (do (doseq [tok (:queue @lay)]
            (when (and (= :nl (tok 0)) (= :pending @(tok 3)))
              (if (settles? lay (tok 1) (tok 2) d)
                (vreset! (tok 3) :flat)
                (if (or (= :linear (tok 1)) (and (= :miser (tok 1)) (miser? lay (tok 2))))
                  (vswap! (tok 2) assoc :broken true)
                  (vreset! (tok 3) :flat)))))
          (settle-all! lay)
          (emit-break! lay b))
      (do (doseq [tok (:queue @lay)]
            (when (and (= :nl (tok 0)) (= :pending @(tok 3))
                       (settles? lay (tok 1) (tok 2) d))
              (vreset! (tok 3) :flat)))
          (drain! lay)
          (let [state (volatile! :pending)
                ;; w 0: it directly follows text ending in a space (see overflow!)
                w (if after-space 0 1)
                tok [:nl kind b state w]]
            (if (and (empty? (:queue @lay)) (breaks-when-due? lay kind b))
              (emit-break! lay b)
              (do (vswap! lay (fn [m] (update m :queue conj tok)))
                  (drain! lay)
                  (overflow! lay))))))))

(defn- lay-indent! [lay kind n]
  (enqueue! lay [:indent (:block @lay) kind n]))

(defn- lay-finish!
  "Settles everything and writes the rest to the sink."
  [lay]
  (settle-all! lay)
  (flush-line! lay))

(defn- lay-column
  "The column the next text would start at, were no undecided newline to break."
  [lay]
  (+ (:col @lay) (:qw @lay)))

;; ---------------------------------------------------------------------------
;; Pretty writers: a capture StringWriter standing for a layout.

(def ^:private layouts
  "The layout of each capture writer in use, by identity."
  (atom []))

(defn- layout-of
  "The layout whose capture is writer w, or nil."
  [w]
  (some (fn [[cap lay]] (when (identical? cap w) lay)) @layouts))

(defn- sync!
  "Feeds the text printed to the capture since the last operation into the layout."
  [cap lay]
  (lay-text! lay (clojure.core/-take-string-writer cap)))

(defn- current-layout
  "The layout of *out* after taking its pending text, or nil when *out* is not a
  pretty writer."
  []
  (let [cap *out*]
    (when-let [lay (layout-of cap)]
      (sync! cap lay)
      lay)))

(defn- open-capture
  "A new capture writer with a layout over sink, registered."
  [sink]
  (let [cap (java.io.StringWriter.)]
    (swap! layouts conj [cap (new-layout sink)])
    cap))

(defn- close-capture!
  "Lays out what is left in capture cap, writes it to the sink and forgets cap."
  [cap]
  (when-let [lay (layout-of cap)]
    (sync! cap lay)
    (lay-finish! lay)
    (swap! layouts (fn [v] (filterv #(not (identical? cap (% 0))) v)))))

(defn- call-pretty
  "Calls f with *out* a pretty writer over writer w (w itself when it already is one),
  then writes out what f printed."
  [w f]
  (if-let [lay (layout-of w)]
    (binding [*out* w] (f) (sync! w lay))
    (let [cap (open-capture w)]
      (try
        (binding [*out* cap] (f))
        (finally (close-capture! cap))))))

(defn get-pretty-writer
  "Returns a pretty writer over writer if it is not one already. Text printed to it
  is laid out (columns, logical blocks) before it reaches writer; cl-format, pprint
  and write flush it."
  {:added "1.2"}
  [writer]
  (if (layout-of writer) writer (open-capture writer)))

(defn- flush-pretty!
  "Writes out what a pretty writer made by get-pretty-writer has laid out so far,
  keeping its column."
  [cap]
  (when-let [lay (layout-of cap)]
    (sync! cap lay)
    (settle-all! lay)
    (flush-line! lay)))

;; ---------------------------------------------------------------------------
;; The functional interface for dispatch functions

(defn- check-arg [x allowed shown]
  (when-not (contains? allowed x)
    (throw (IllegalArgumentException. (str "Bad argument: " x ". It must be one of " shown)))))

(defn pprint-newline
  "Prints a conditional newline (kind :linear, :miser, :fill or :mandatory) to a
  pretty printing stream: output within a logical block breaks there as the kind
  says."
  {:added "1.2"}
  [kind]
  (check-arg kind #{:linear :miser :fill :mandatory} "#{:mandatory :miser :fill :linear}")
  (when-let [lay (current-layout)]
    (lay-newline! lay kind)))

(defn pprint-indent
  "Sets the indentation of the lines that follow a break in the current logical block:
  n columns from the start of the block (relative-to :block) or from the current
  column (:current)."
  {:added "1.2"}
  [relative-to n]
  (check-arg relative-to #{:block :current} "#{:block :current}")
  (when-let [lay (current-layout)]
    (lay-indent! lay relative-to n)))

(defn pprint-tab
  "Tabulation in a pretty printing stream (kind :line, :section, :line-relative or
  :section-relative with colnum and colinc, as Common Lisp's pprint-tab). Not
  implemented, as in Clojure: throws UnsupportedOperationException."
  {:added "1.2"}
  [kind colnum colinc]
  (check-arg kind #{:line :section :line-relative :section-relative}
             "#{:section :line :line-relative :section-relative}")
  (throw (UnsupportedOperationException. "pprint-tab is not yet implemented")))

(defn- level-exceeded? []
  (and *print-level* (>= *level* *print-level*)))

(defn- start-block! [prefix line-prefix suffix]
  (if-let [lay (current-layout)]
    (lay-open! lay prefix line-prefix suffix)
    (when-let [p (or prefix line-prefix)] (.write *out* ^String p))))

(defn- end-block! [suffix]
  (if-let [lay (current-layout)]
    (lay-close! lay)
    (when suffix (.write *out* ^String suffix))))

(defn- call-block
  "Runs body-fn inside a logical block, or prints # past *print-level*."
  [prefix line-prefix suffix body-fn]
  (let [f (fn []
            (if (level-exceeded?)
              (.write *out* "#")
              (binding [*level* (inc *level*) *length* 0]
                (start-block! prefix line-prefix suffix)
                (body-fn)
                (end-block! suffix))))]
    (if (layout-of *out*) (f) (call-pretty *out* f))))

(defmacro pprint-logical-block
  "Executes body as a pretty printing logical block, with output to *out*, which must
  be a pretty printing writer (pprint, write and the dispatch functions provide one).
  Options before the body: :prefix, :per-line-prefix and :suffix, strings. Past
  *print-level* the block prints as #."
  {:added "1.2" :arglists '[[options* body]]}
  [& args]
  (let [[opts body] (loop [opts {} args args]
                      (if (keyword? (first args))
                        (recur (assoc opts (first args) (second args)) (nnext args))
                        [opts args]))]
    `(#'clojure.pprint/call-block ~(:prefix opts) ~(:per-line-prefix opts) ~(:suffix opts)
                                  (fn [] ~@body))))

(defn- add-count-to-recur
  "form with each (recur args) that belongs to it (not to a nested loop or fn)
  given the extra first argument counter."
  [form counter]
  (cond
    (and (seq? form) (= 'recur (first form))) (list* 'recur `(inc ~counter) (rest form))
    (and (seq? form) (#{'loop 'fn 'fn* 'letfn 'loop*} (first form))) form
    (seq? form) (with-meta (apply list (map #(add-count-to-recur % counter) form)) (meta form))
    (vector? form) (mapv #(add-count-to-recur % counter) form)
    (map? form) (into {} (map (fn [[k v]] [(add-count-to-recur k counter) (add-count-to-recur v counter)])) form)
    :else form))

(defmacro print-length-loop
  "Like loop, for dispatch functions that print the items of a collection: once
  *print-length* iterations have run, the next one prints ... and the loop ends."
  {:added "1.3"}
  [bindings & body]
  (let [counter (gensym "count")]
    `(loop [~counter 0 ~@bindings]
       (if (and *print-length* (>= ~counter *print-length*))
         (.write *out* "...")
         (do ~@(add-count-to-recur body counter))))))

(defn write-out
  "Writes object to *out* (a pretty writer, inside dispatch functions) through the
  current dispatch function, counting it for *print-length* in the enclosing logical
  block. For dispatch functions; use write or pprint otherwise."
  {:added "1.2"}
  [object]
  (if (and *print-length* *length* (>= *length* *print-length*))
    (.write *out* "...")
    (do (when *length* (set! *length* (inc *length*)))
        (if *print-pretty*
          (*print-pprint-dispatch* object)
          (pr object)))))

;; ---------------------------------------------------------------------------
;; Atoms: numbers in *print-base* with *print-radix*, symbols without namespaces

(def ^:private digit-chars "0123456789abcdefghijklmnopqrstuvwxyz")

(defn- digits-of
  "The digits of the non-negative integer n in base b."
  [n b]
  (if (zero? n)
    "0"
    (loop [n n acc ()]
      (if (zero? n)
        (apply str acc)
        (recur (quot n b) (cons (.charAt ^String digit-chars (int (rem n b))) acc))))))

(defn- integer-text
  "Integer n written in base b, as Clojure writes it: a negative long in base 8 or 16
  in two's complement, in base 2 as nothing."
  [n b]
  (cond
    (= b 10) (str n)
    (not (neg? n)) (digits-of n b)
    (and (#{8 16} b) (instance? Long n)) (digits-of (+ 18446744073709551616N n) b)
    (= b 2) ""
    :else (str "-" (digits-of (- n) b))))

(defn- radix-prefix [b]
  (case (int b) 2 "#b" 8 "#o" 16 "#x" (str "#" b "r")))

(defn- rational-text
  "The text of an integer or ratio under *print-base* and *print-radix*."
  [x]
  (let [b *print-base*]
    (if (ratio? x)
      (str (when *print-radix* (radix-prefix b))
           (integer-text (numerator x) b) "/" (integer-text (denominator x) b))
      (if (and *print-radix* (= b 10))
        (str x ".")
        (str (when *print-radix* (radix-prefix b)) (integer-text x b))))))

(defn- print-atom
  "Prints a value that is not a collection, as pr does, but for *print-base*,
  *print-radix* and *print-suppress-namespaces*."
  [x]
  (cond
    (and (or (integer? x) (ratio? x)) (or *print-radix* (not= 10 *print-base*)))
    (.write *out* ^String (rational-text x))
    (and *print-suppress-namespaces* (symbol? x))
    (pr (symbol (name x)))
    :else (pr x)))

;; ---------------------------------------------------------------------------
;; simple-dispatch: data

(defn- write-items
  "Writes the items of seq s separated by a space and a newline of kind nl-kind,
  up to *print-length*."
  [s nl-kind]
  (print-length-loop [s s]
    (when s
      (write-out (first s))
      (when-let [more (next s)]
        (.write *out* " ")
        (pprint-newline nl-kind)
        (recur more)))))

(defn- pprint-vector [v]
  (pprint-logical-block :prefix "[" :suffix "]" (write-items (seq v) :linear)))

(defn- pprint-list [s]
  (pprint-logical-block :prefix "(" :suffix ")" (write-items (seq s) :linear)))

(defn- pprint-set [s]
  (pprint-logical-block :prefix "#{" :suffix "}" (write-items (seq s) :linear)))

(def ^:private reader-macros
  {'quote "'" 'clojure.core/deref "@" 'var "#'"})

(defn- pprint-seq [s]
  (let [m (and (seq? s) (symbol? (first s)) (reader-macros (first s)))]
    (if (and m (= 2 (count s)))
      (do (.write *out* ^String m) (write-out (second s)))
      (pprint-list s))))

(defn- lift-ns
  "[ns entries] when every key of map m is a keyword or symbol of one namespace and
  *print-namespace-maps* is on, the entries with keys without it; else [nil entries]."
  [m]
  (let [ks (keys m)]
    (if (and *print-namespace-maps* (seq ks)
             (every? #(and (or (keyword? %) (symbol? %)) (namespace %)) ks)
             (apply = (map namespace ks)))
      [(namespace (first ks))
       (map (fn [[k v]] [(if (keyword? k) (keyword (name k)) (symbol (name k))) v]) m)]
      [nil (seq m)])))

(defn- write-entries
  "Writes map entries as logical blocks key, space, value, separated by commas."
  [entries]
  (print-length-loop [s entries]
    (when s
      (let [[k v] (first s)]
        (pprint-logical-block
          (write-out k)
          (.write *out* " ")
          (pprint-newline :linear)
          (set! *length* 0)
          (write-out v)))
      (when-let [more (next s)]
        (.write *out* ", ")
        (pprint-newline :linear)
        (recur more)))))

(defn- pprint-map [m]
  (let [[ns entries] (lift-ns m)]
    (pprint-logical-block :prefix (if ns (str "#:" ns "{") "{") :suffix "}"
      (write-entries entries))))

(def ^:private reference-types
  "The classes simple-dispatch prints as #<Name@hash: value>, with the name."
  {"clojure.lang.Atom" "Atom" "clojure.core.Ref" "Ref" "clojure.core.Agent" "Agent"
   "clojure.lang.Volatile" "Volatile" "clojure.lang.Delay" "Delay"
   "clojure.core.Promise" "Promise" "clojure.core.Future" "Future"})

(defn- pprint-reference
  "#<Atom@1f2e3d: value>, the value on the next line when it does not fit; a delay,
  promise or future not yet realized shows :not-delivered."
  [x type-name]
  (pprint-logical-block :prefix "#<" :suffix ">"
    (.write *out* (str type-name "@" (format "%x" (bit-and (hash x) 0xffffffff)) ": "))
    (pprint-indent :block 0)
    (pprint-newline :linear)
    (write-out (if (and (#{"Delay" "Promise" "Future"} type-name) (not (realized? x)))
                 :not-delivered
                 @x))))

(defn- dispatch-data
  "simple-dispatch's handling of the values it knows."
  [x]
  (cond
    (nil? x) (.write *out* "nil")
    (map? x) (pprint-map x)
    (vector? x) (pprint-vector x)
    (seq? x) (pprint-seq x)
    (set? x) (pprint-set x)
    (or (number? x) (string? x) (keyword? x) (symbol? x) (char? x) (boolean? x))
    (print-atom x)
    :else (if-let [type-name (reference-types (.getName (class x)))]
            (pprint-reference x type-name)
            (print-atom x))))

(defmulti simple-dispatch
  "The default value of *print-pprint-dispatch*, which lays out data: maps, vectors,
  lists, sets and seqs as logical blocks. A multimethod on (class x): a method for a
  type of your own changes how it pretty prints."
  {:added "1.2" :arglists '[[object]]}
  class)

(defmethod simple-dispatch :default [x] (dispatch-data x))

(alter-var-root #'*print-pprint-dispatch* (constantly simple-dispatch))

;; ---------------------------------------------------------------------------
;; pprint and write

(defn pprint
  "Pretty prints object to writer (*out* by default) with the current dispatch
  function, honouring *print-right-margin*, *print-miser-width*, *print-length* and
  *print-level*, then a newline."
  {:added "1.2"}
  ([object] (pprint object *out*))
  ([object writer]
   (call-pretty writer
                (fn []
                  (binding [*print-pretty* true]
                    (write-out object))
                  (.write *out* "\n")))))

(defmacro pp
  "Pretty prints *1, the last value the REPL printed."
  {:added "1.2"}
  []
  `(pprint *1))

(defn set-pprint-dispatch
  "Sets the pretty print dispatch function (the root binding of
  *print-pprint-dispatch*) to function."
  {:added "1.2"}
  [function]
  (alter-var-root #'*print-pprint-dispatch* (constantly function))
  nil)

(defmacro with-pprint-dispatch
  "Evaluates body with *print-pprint-dispatch* bound to function, so that pprint calls
  inside body print with that dispatch (such as code-dispatch or simple-dispatch)."
  {:added "1.2"}
  [function & body]
  `(binding [*print-pprint-dispatch* ~function] ~@body))

(def ^:private write-options
  {:base #'*print-base* :circle nil :length #'*print-length* :level #'*print-level*
   :lines nil :miser-width #'*print-miser-width* :dispatch #'*print-pprint-dispatch*
   :pretty #'*print-pretty* :radix #'*print-radix* :readably #'*print-readably*
   :right-margin #'*print-right-margin* :suppress-namespaces #'*print-suppress-namespaces*})

(defn write
  "Writes object to a stream (the :stream option, *out* by default; nil: returns the
  text as a string) with the options given as keywords: :base :circle :length :level
  :lines :miser-width :dispatch :pretty :radix :readably :right-margin
  :suppress-namespaces, each binding the print variable of its name. Returns nil
  (or the string)."
  {:added "1.2"}
  [object & kw-args]
  (let [opts (apply hash-map kw-args)
        stream (if (contains? opts :stream) (:stream opts) true)
        bindings (into {} (keep (fn [[k v]] (when-let [var (write-options k)] [var v]))) opts)
        go (fn []
             (if *print-pretty*
               (call-pretty *out* #(write-out object))
               (pr object)))]
    (with-bindings bindings
      (cond
        (nil? stream) (let [sw (java.io.StringWriter.)]
                        (binding [*out* sw] (go))
                        (str sw))
        (true? stream) (do (go) nil)
        :else (do (binding [*out* stream] (go)) nil)))))

;; ---------------------------------------------------------------------------
;; print-table

(defn print-table
  "Prints the maps of rows as a text table: one column per key of ks (by default the
  keys of the first row), headed by the key, right-aligned to the widest entry of the
  column."
  {:added "1.3"}
  ([ks rows]
   (when (seq rows)
     (let [cell (fn [row k] (str (get row k)))
           widths (mapv (fn [k] (reduce max (count (str k)) (map #(count (cell % k)) rows))) ks)
           line (fn [left sep right texts]
                  (println (str left
                                (apply str (interpose sep (map (fn [w t] (str (spaces (- w (count t))) t))
                                                               widths texts)))
                                right)))]
       (println)
       (line "| " " | " " |" (map str ks))
       (line "|-" "-+-" "-|" (map #(apply str (repeat % \-)) widths))
       (doseq [row rows]
         (line "| " " | " " |" (map #(cell row %) ks))))))
  ([rows] (print-table (keys (first rows)) rows)))

;; ---------------------------------------------------------------------------
;; cl-format: Common Lisp's FORMAT (CLHS 22.3). A format string is parsed into a
;; vector of items, each a string or a directive map:
;;   {:ch \A :params [[value offset] ...] :colon bool :at bool :offset n}
;; and for the bracketing directives also :clauses (vectors of items), :else (the
;; index of the ~:; clause), :end (the closing directive) and, for ~<, :seps (the
;; ~; directives). Arguments are walked with a navigator [args-vector index].

(defn- format-error
  "Throws an IllegalArgumentException whose message is msg, then the format string
  with a caret under offset."
  [s offset msg]
  (throw (IllegalArgumentException.
          (str msg "\n" s "\n" (spaces offset) "^\n"))))

(def ^:private ^:dynamic *format-string* "")

(defn- ferr [offset msg] (format-error *format-string* offset msg))

;; Each directive: the names of its parameters with their types (:int, :char or
;; :any) and defaults, and the flags it allows (:colon, :at, :both).
(def ^:private directive-table
  {\A {:params [[:mincol :int 0] [:colinc :int 1] [:minpad :int 0] [:padchar :char \space]] :flags #{:colon :at :both}}
   \S {:params [[:mincol :int 0] [:colinc :int 1] [:minpad :int 0] [:padchar :char \space]] :flags #{:colon :at :both}}
   \D {:params [[:mincol :int 0] [:padchar :char \space] [:commachar :char \,] [:comma-interval :int 3]] :flags #{:colon :at :both}}
   \B {:params [[:mincol :int 0] [:padchar :char \space] [:commachar :char \,] [:comma-interval :int 3]] :flags #{:colon :at :both}}
   \O {:params [[:mincol :int 0] [:padchar :char \space] [:commachar :char \,] [:comma-interval :int 3]] :flags #{:colon :at :both}}
   \X {:params [[:mincol :int 0] [:padchar :char \space] [:commachar :char \,] [:comma-interval :int 3]] :flags #{:colon :at :both}}
   \R {:params [[:base :int nil] [:mincol :int 0] [:padchar :char \space] [:commachar :char \,] [:comma-interval :int 3]] :flags #{:colon :at :both}}
   \P {:params [] :flags #{:colon :at :both}}
   \C {:params [] :flags #{:colon :at :both}}
   \F {:params [[:w :int nil] [:d :int nil] [:k :int nil] [:overflowchar :char nil] [:padchar :char \space]] :flags #{:at}}
   \E {:params [[:w :int nil] [:d :int nil] [:e :int nil] [:k :int nil] [:overflowchar :char nil] [:padchar :char \space] [:exptchar :char nil]] :flags #{:at}}
   \G {:params [[:w :int nil] [:d :int nil] [:e :int nil] [:k :int nil] [:overflowchar :char nil] [:padchar :char \space] [:exptchar :char nil]] :flags #{:at}}
   \$ {:params [[:d :int 2] [:n :int 1] [:w :int 0] [:padchar :char \space]] :flags #{:colon :at :both}}
   \% {:params [[:count :int 1]] :flags #{}}
   \& {:params [[:count :int 1]] :flags #{:pretty}}
   \| {:params [[:count :int 1]] :flags #{}}
   \~ {:params [[:count :int 1]] :flags #{}}
   \newline {:params [] :flags #{:colon :at}}
   \T {:params [[:colnum :int 1] [:colinc :int 1]] :flags #{:at :pretty}}
   \* {:params [[:n :int nil]] :flags #{:colon :at}}
   \? {:params [] :flags #{:at}}
   \( {:params [] :flags #{:colon :at :both}}
   \) {:params [] :flags #{}}
   \[ {:params [[:selector :int nil]] :flags #{:colon :at}}
   \; {:params [[:min-remaining :int nil] [:max-columns :int nil]] :flags #{:colon}}
   \] {:params [] :flags #{}}
   \{ {:params [[:max-iterations :int nil]] :flags #{:colon :at :both}}
   \} {:params [] :flags #{:colon}}
   \< {:params [[:mincol :int 0] [:colinc :int 1] [:minpad :int 0] [:padchar :char \space]] :flags #{:colon :at :both}}
   \> {:params [] :flags #{:colon}}
   \^ {:params [[:arg1 :int nil] [:arg2 :int nil] [:arg3 :int nil]] :flags #{:colon}}
   \W {:params [] :flags #{:colon :at :both}}
   \_ {:params [] :flags #{:colon :at :both}}
   \I {:params [[:n :int 0]] :flags #{:colon}}})

(defn- parse-params
  "Reads the parameters and flags of a directive from s at i (after the ~): returns
  [params colon at i]."
  [^String s i]
  (let [n (count s)]
    (loop [i i params [] cur nil cur-off i]
      (let [c (when (< i n) (.charAt s i))]
        (cond
          (nil? c) [(conj params [cur cur-off]) false false i]
          (= c \') (if (< (inc i) n)
                     (recur (+ i 2) params (.charAt s (inc i)) cur-off)
                     (ferr i "Format string ended in the middle of a directive"))
          (#{\v \V} c) (recur (inc i) params :v cur-off)
          (= c \#) (recur (inc i) params :remaining cur-off)
          (or (Character/isDigit c) (and (#{\+ \-} c) (nil? cur)))
          (let [j (loop [j (inc i)] (if (and (< j n) (Character/isDigit (.charAt s j))) (recur (inc j)) j))]
            (recur j params (Long/parseLong (let [t (subs s i j)] (if (= \+ (first t)) (subs t 1) t))) cur-off))
          (= c \,) (recur (inc i) (conj params [cur cur-off]) nil (inc i))
          :else
          (let [params (conj params [cur cur-off])
                params (if (and (= 1 (count params)) (nil? (ffirst params))) [] params)]
            (loop [i i colon false at false]
              (let [c (when (< i n) (.charAt s i))]
                (cond
                  (= c \:) (if colon
                             (ferr i "Flag \":\" appears more than once in a directive")
                             (recur (inc i) true at))
                  (= c \@) (if at
                             (ferr i "Flag \"@\" appears more than once in a directive")
                             (recur (inc i) colon true))
                  :else [params colon at i])))))))))

(defn- check-directive
  "Checks the flags and the number and types of the parameters of directive d."
  [{:keys [ch params colon at offset] :as d}]
  (let [spec (directive-table (Character/toUpperCase ^Character ch))
        flags (:flags spec)
        pspecs (:params spec)
        shown (if (= ch \newline) "newline" (str (Character/toUpperCase ^Character ch)))]
    (when (and colon at (not (flags :both)) (flags :colon) (flags :at))
      (ferr offset (str "Cannot combine \"@\" and \":\" flags for format directive \"" shown "\"")))
    (when (and colon (not (flags :colon)))
      (ferr offset (str "\":\" is an illegal flag for format directive \"" shown "\"")))
    (when (and at (not (flags :at)))
      (ferr offset (str "\"@\" is an illegal flag for format directive \"" shown "\"")))
    (when (> (count params) (count pspecs))
      (ferr offset (str "Too many parameters for directive \"" shown "\": " (count params)
                        " were specified but only " (count pspecs) " are allowed")))
    (doseq [[[v off] [pname ptype]] (map vector params pspecs)]
      (when (and (some? v) (not (keyword? v))
                 (not (case ptype :int (integer? v) :char (char? v) true)))
        (ferr off (str "Parameter " (name pname) " has bad type in directive \"" shown "\": "
                       (if (integer? v) "class java.lang.Integer" "class java.lang.Character")))))
    d))

(def ^:private closers {\( \) \[ \] \{ \} \< \>})

(declare parse-items)

(defn- parse-bracket
  "Parses the body of bracketing directive d from i: returns [d i] with its clauses."
  [s d i]
  (let [close (closers (:ch d))]
    (loop [i i clauses [] seps []]
      (let [[items i end] (parse-items s i #{close \;})]
        (cond
          (nil? end) (ferr (:offset d) "No closing bracket found.")
          (= \; (:ch end)) (recur i (conj clauses items) (conj seps end))
          :else [(assoc d :clauses (conj clauses items) :seps seps :end end) i])))))

(defn- check-clauses
  "The ~; rules of the bracketing directives."
  [{:keys [ch seps offset colon at] :as d}]
  (let [else-idx (first (keep-indexed (fn [i sep] (when (:colon sep) i)) seps))]
    (when (and else-idx (#{\( \{} ch))
      (ferr offset "An else clause (\"~:;\") is in a bracket type that doesn't support it."))
    (when (and (seq seps) (#{\( \{} ch))
      (ferr offset "A separator (\"~;\") is in a bracket type that doesn't support it."))
    (when (and else-idx (= ch \<) (pos? else-idx))
      (ferr offset "The else clause (\"~:;\") is only allowed in the first position for this directive."))
    (when (and else-idx (= ch \[) (some (complement :colon) (drop (inc else-idx) seps)))
      (ferr offset "A plain clause (with \"~;\") follows an else clause (\"~:;\") inside bracket construction."))
    (assoc d :else else-idx)))

(defn- parse-items
  "Parses s from i up to one of the directive characters in stops (or the end):
  returns [items i stop-directive]."
  [^String s i stops]
  (let [n (count s)]
    (loop [i i items [] text (StringBuilder.)]
      (if (>= i n)
        [(if (pos? (.length text)) (conj items (str text)) items) i nil]
        (let [c (.charAt s i)]
          (if (not= c \~)
            (recur (inc i) items (.append text c))
            (let [[params colon at j] (parse-params s (inc i))
                  _ (when (>= j n) (ferr (inc i) "Format string ended in the middle of a directive"))
                  ch (.charAt s j)
                  uch (Character/toUpperCase ch)
                  _ (when-not (directive-table uch)
                      (ferr j (str "Directive \"" ch "\" is undefined")))
                  d (check-directive {:ch uch :params params :colon colon :at at :offset (inc i)})
                  items (if (pos? (.length text)) (conj items (str text)) items)
                  text (StringBuilder.)]
              (cond
                (contains? stops uch) [items (inc j) d]
                (#{\) \] \} \> \;} uch)
                (ferr (inc i) (str "Found unmatched closing bracket \"" ch "\""))
                (closers uch)
                (let [[d k] (parse-bracket s d (inc j))]
                  (recur k (conj items (check-clauses d)) text))
                (= uch \newline)
                (let [k (if colon
                          (inc j)
                          (loop [k (inc j)]
                            (if (and (< k n) (Character/isWhitespace (.charAt s k))
                                     (not= \newline (.charAt s k)))
                              (recur (inc k)) k)))]
                  (recur k (if at (conj items "\n") items) text))
                :else (recur (inc j) (conj items d) text)))))))))

(defn- compile-format
  "The items of format string s."
  [s]
  (binding [*format-string* s]
    (first (parse-items s 0 #{}))))

;; ---- running the items

(defn- out! [^String s] (.write *out* s))

(defn- next-arg
  "[arg nav'] from navigator nav."
  [[args i]]
  (if (< i (count args))
    [(nth args i) [args (inc i)]]
    (throw (RuntimeException. "Not enough arguments for format definition"))))

(defn- remaining [[args i]] (- (count args) i))

(defn- resolve-params
  "[param-map nav']: directive d's parameters with v and # taken from nav (the v
  parameters take their arguments last one first, as Clojure's do), defaults filled."
  [d nav]
  (let [pspecs (:params (directive-table (:ch d)))
        given (:params d)
        [vals nav] (loop [k (dec (count given)) vals {} nav nav]
                     (if (neg? k)
                       [vals nav]
                       (let [[v _] (given k)]
                         (case v
                           :v (let [[a nav] (next-arg nav)] (recur (dec k) (assoc vals k a) nav))
                           :remaining (recur (dec k) (assoc vals k (remaining nav)) nav)
                           (recur (dec k) (assoc vals k v) nav)))))]
    [(into {} (map-indexed (fn [k [pname _ default]]
                             [pname (let [v (get vals k)] (if (nil? v) default v))])
                           pspecs))
     nav]))

(defn- pad-text
  "s padded to mincol (minpad at least, then colinc at a time) with padchar, on the
  left when left?."
  [s {:keys [mincol colinc minpad padchar]} left?]
  (let [w (text-width s)
        base (+ w minpad)
        total (if (>= base mincol)
                base
                (+ base (* (max colinc 1) (quot (+ (- mincol base) (dec (max colinc 1))) (max colinc 1)))))
        pad (apply str (repeat (- total w) padchar))]
    (if left? (str pad s) (str s pad))))

(defn- group-digits [^String digits commachar interval]
  (let [n (count digits)
        first-len (let [r (rem n interval)] (if (zero? r) interval r))]
    (if (<= n interval)
      digits
      (apply str (subs digits 0 first-len)
             (mapcat (fn [i] [commachar (subs digits i (+ i interval))])
                     (range first-len n interval))))))

(defn- exact-bigint
  "The integer that the integral double x is, exactly (its binary digits, not its
  shortest decimal form)."
  [x]
  (loop [y x k 0]
    (if (< (Math/abs (double y)) 4.0E18)
      (* (bigint (long y)) (reduce * 1N (repeat k 2N)))
      (recur (/ y 2.0) (inc k)))))

(defn- format-integer
  "Integer directive output: x in base with the flags and parameters p."
  [x base {:keys [mincol padchar commachar comma-interval]} colon at]
  (let [x (if (and (float? x) (== x (Math/floor x)) (not (Double/isInfinite x)))
            (let [i (exact-bigint x)]
              (when (and (= base 10) (> (abs i) Long/MAX_VALUE))
                (throw (ArithmeticException. "integer overflow")))
              i)
            x)]
  (if (integer? x)
    (let [digits (if (= base 10) (str (if (neg? x) (- x) x)) (digits-of (if (neg? x) (- x) x) base))
          digits (if colon (group-digits digits commachar comma-interval) digits)
          s (str (cond (neg? x) "-" at "+" :else "") digits)]
      (pad-text s {:mincol mincol :colinc 1 :minpad 0 :padchar padchar} true))
    (pad-text (print-str x) {:mincol mincol :colinc 1 :minpad 0 :padchar \space} true))))

(def ^:private ones ["" "one" "two" "three" "four" "five" "six" "seven" "eight" "nine" "ten"
                     "eleven" "twelve" "thirteen" "fourteen" "fifteen" "sixteen" "seventeen"
                     "eighteen" "nineteen"])
(def ^:private ones-th ["" "first" "second" "third" "fourth" "fifth" "sixth" "seventh" "eighth"
                        "ninth" "tenth" "eleventh" "twelfth" "thirteenth" "fourteenth" "fifteenth"
                        "sixteenth" "seventeenth" "eighteenth" "nineteenth"])
(def ^:private tens ["" "" "twenty" "thirty" "forty" "fifty" "sixty" "seventy" "eighty" "ninety"])
(def ^:private tens-th ["" "" "twentieth" "thirtieth" "fortieth" "fiftieth" "sixtieth" "seventieth"
                        "eightieth" "ninetieth"])
(def ^:private scales ["" "thousand" "million" "billion" "trillion" "quadrillion" "quintillion"
                       "sextillion" "septillion" "octillion" "nonillion" "decillion" "undecillion"
                       "duodecillion" "tredecillion" "quattuordecillion" "quindecillion"
                       "sexdecillion" "septendecillion" "octodecillion" "novemdecillion" "vigintillion"])

(defn- below-1000
  "English words for a group 0 < n < 1000; ordinal? gives the ordinal form of its last
  word. n may be a float or a ratio, as ~R takes them on the JVM: each place is
  truncated, and a fraction left in a place reads as zero (70.5 is seventy-zero)."
  [n ordinal?]
  (let [h (quot n 100) r (rem n 100)
        hw (when (pos? h) (str (ones (int h)) (if (and ordinal? (zero? r)) " hundredth" " hundred")))
        rw (when (pos? r)
             (if (< r 20)
               (if (< r 1)
                 (if ordinal? "zeroth" "zero")
                 ((if ordinal? ones-th ones) (int r)))
               (let [t (int (quot r 10)) o (rem r 10)]
                 (cond
                   (zero? o) ((if ordinal? tens-th tens) t)
                   (< o 1) (str (tens t) (if ordinal? "-zeroth" "-zero"))
                   :else (str (tens t) "-" ((if ordinal? ones-th ones) (int o)))))))]
    (clojure.string/join " " (remove nil? [hw rw]))))

(defn- english
  "n in English words, cardinal or ordinal (floats and ratios as below-1000 says;
  0.0, unlike 0, has no words)."
  [n ordinal?]
  (cond
    (= 0 n) (if ordinal? "zeroth" "zero")
    (neg? n) (str "minus " (english (- n) ordinal?))
    :else
    (let [groups (loop [n n acc []] (if (pos? n) (recur (quot n 1000) (conj acc (rem n 1000))) acc))
          last-nz (first (keep-indexed (fn [i g] (when (pos? g) i)) groups))
          _ (when (and ordinal? (nil? last-nz))
              (throw (IllegalArgumentException. (str "No ordinal for " n))))
          parts (for [i (range (dec (count groups)) -1 -1)
                      :let [g (groups i)]
                      :when (pos? g)]
                  (let [ord (and ordinal? (= i last-nz))]
                    (if (zero? i)
                      (below-1000 g ord)
                      (str (below-1000 g false) " " (nth scales i) (when ord "th")))))]
      (clojure.string/join ", " parts))))

(def ^:private roman-digits
  "The Roman numerals of each digit 0-9 at each place, ones first: [new-style old-style]."
  (let [place (fn [one five ten]
                [["" one (str one one) (str one one one) (str one five) five (str five one)
                  (str five one one) (str five one one one) (str one ten)]
                 ["" one (str one one) (str one one one) (str one one one one) five (str five one)
                  (str five one one) (str five one one one) (str five one one one one)]])]
    [(place "I" "V" "X") (place "X" "L" "C") (place "C" "D" "M") [(vec (take 4 (iterate #(str % "M") ""))) (vec (take 4 (iterate #(str % "M") "")))]]))

(defn- roman
  "n (0 < n < 4000) in Roman numerals, old style (IIII for 4) when old?. Place by
  place; a float's or ratio's fraction makes its ones place at least I, as on the JVM."
  [n old?]
  (let [style (if old? 1 0)
        digit (fn [place]
                (let [d (if (zero? place) (rem n 10) (rem (quot n (long (Math/pow 10 place))) 10))]
                  (if (pos? d) (max 1 (int d)) 0)))]
    (apply str (for [place [3 2 1 0]]
                 (get-in roman-digits [place style (digit place)])))))

(def ^:private char-names
  {\space "Space" \newline "Newline" \tab "Tab" \backspace "Backspace" \return "Return"
   \formfeed "Page" (char 127) "Rubout"})

(defn- char-name [c]
  (or (char-names c)
      (let [i (int c)]
        (when (< i 32) (str "Control-" (char (+ i 64)))))
      (str c)))

;; ---- floating point: a number as a string of decimal digits and a point position

(defn- decimal-digits
  "[digits point] for the absolute value of number x: x = 0.digits * 10^point, digits
  without leading or trailing zeros (\"\" for zero), from its shortest printed form."
  [x]
  (let [s (str (if (ratio? x) (double x) (if (integer? x) x (double x))))
        s (if (= \- (first s)) (subs s 1) s)
        [mant ex] (let [i (.indexOf ^String (clojure.string/upper-case s) "E")]
                    (if (neg? i) [s 0] [(subs s 0 i) (Long/parseLong (let [e (subs s (inc i))] (if (= \+ (first e)) (subs e 1) e)))]))
        dot (.indexOf ^String mant ".")
        int-part (if (neg? dot) mant (subs mant 0 dot))
        frac (if (neg? dot) "" (subs mant (inc dot)))
        all (str int-part frac)
        lead (count (take-while #(= \0 %) all))
        ds (clojure.string/replace (subs all lead) #"0+$" "")]
    (if (= "" ds)
      ["" 0]
      [ds (+ ex (- (count int-part) lead))])))

(defn- round-digits
  "[digits point] rounded (half up) to keep n digits after the point (n >= 0 can
  make the digits empty)."
  [[ds p] n]
  (let [keep (+ p n)]
    (cond
      (>= keep (count ds)) [ds p]
      (neg? keep) ["" p]
      :else
      (let [head (subs ds 0 keep)
            up? (>= (int (.charAt ^String ds keep)) (int \5))]
        (if-not up?
          [(clojure.string/replace head #"0+$" "") p]
          (let [n (if (= "" head) 1 (inc (bigint head)))
                t (str n)
                grow (- (count t) (count head))]
            [(clojure.string/replace t #"0+$" "") (+ p grow)]))))))

(defn- fixed-text
  "The digits [ds p] with d digits after the point (nil: as many as there are, at
  least one), no exponent: [integer-part fraction-part]."
  [[ds p] d]
  (let [int-part (if (pos? p)
                   (apply str (subs ds 0 (min p (count ds))) (repeat (max 0 (- p (count ds))) \0))
                   "")
        frac (if (neg? p)
               (str (apply str (repeat (- p) \0)) ds)
               (if (< p (count ds)) (subs ds (max p 0)) ""))
        frac (if d
               (let [f (subs frac 0 (min d (count frac)))] (str f (apply str (repeat (- d (count f)) \0))))
               frac)]
    [int-part frac]))

(defn- float-f
  "~F: x with w (width), d (digits after the point), k (scale), overflowchar,
  padchar, at (sign)."
  [x {:keys [w d k overflowchar padchar]} at]
  (let [x (if (and (number? x) (not (float? x))) (double x) x)
        neg (neg? x)
        [ds p] (decimal-digits x)
        p (if (and k (not= "" ds)) (+ p k) p)
        sign (cond neg "-" at "+" :else "")
        d (or d (when w (max 0 (- w (count sign) 1 (max p 1)))))
        [ds p] (if d (round-digits [ds p] d) [ds p])
        [ip fp] (fixed-text [ds p] d)
        fp (if (and (nil? d) (= "" fp)) "0" fp)
        ip (if (= "" ip) "0" ip)
        s (str sign ip "." fp)
        s (if (and w (> (count s) w) (= ip "0")) (str sign "." fp) s)]
    (cond
      (and w overflowchar (> (count s) w)) (apply str (repeat w overflowchar))
      w (str (apply str (repeat (- w (count s)) padchar)) s)
      :else s)))

(defn- float-e
  "~E: x in exponential notation: k digits before the point (k <= 0: -k zeros after
  it), d digits in all after it (d-k+1 when k > 0)."
  [x {:keys [w d e k overflowchar padchar exptchar]} at]
  (let [x (if (and (number? x) (not (float? x))) (double x) x)
        neg (neg? x)
        k (or k 1)
        [ds p] (decimal-digits x)
        [ds p] (if (= "" ds) ["0" 1] [ds p])
        ex (- p k)
        frac (when d (if (pos? k) (- d (dec k)) d))
        [ds2 p2] (if frac (round-digits [ds k] frac) [ds k])
        [ds2 p2 ex] (if (and (pos? k) (> p2 k)) [ds2 (dec p2) (inc ex)] [ds2 p2 ex])
        [ip fp] (fixed-text [ds2 p2] frac)
        fp (if (= "" fp) "0" fp)
        ip (if (= "" ip) "0" ip)
        exs (str (Math/abs (long ex)))
        exs (if e (str (apply str (repeat (- e (count exs)) \0)) exs) exs)
        s (str (cond neg "-" at "+" :else "") ip "." fp (or exptchar \E) (if (neg? ex) "-" "+") exs)]
    (cond
      (and w overflowchar (> (count s) w)) (apply str (repeat w overflowchar))
      w (str (apply str (repeat (- w (count s)) padchar)) s)
      :else s)))

(defn- float-g
  "~G: fixed notation when the exponent is small, else ~E."
  [x0 {:keys [w d e k overflowchar padchar] :as p} at]
  (let [x (if (and (number? x0) (not (float? x0))) (double x0) x0)
        [ds pt] (decimal-digits x)
        ;; zero reads as one digit, at exponent 1 for an integer 0 and 0 for 0.0
        [ds n] (if (= "" ds) ["0" (if (float? x0) 0 1)] [ds pt])
        ee (if e (+ e 2) 4)
        ww (when w (- w ee))
        d (or d (max (count ds) (min n 7)))
        dd (- d n)]
    (if (<= 0 dd d)
      (str (float-f x {:w ww :d dd :k nil :overflowchar overflowchar :padchar padchar} at)
           (spaces ee))
      (float-e x p at))))

(defn- float-dollar
  "~$: d digits after the point, at least n before, width w."
  [x {:keys [d n w padchar]} colon at]
  (let [x (if (and (number? x) (not (float? x))) (double x) x)
        neg (neg? x)
        [ds p] (round-digits (decimal-digits x) d)
        [ip fp] (fixed-text [ds p] d)
        ip (str (apply str (repeat (- n (count ip)) \0)) ip)
        sign (cond neg "-" at "+" :else "")
        body (str ip "." fp)
        pad (apply str (repeat (- w (count sign) (count body)) padchar))]
    (if colon (str sign pad body) (str pad sign body))))

;; ---- the executor: (run-items items nav) returns nav, or an ::up map when ~^ ends
;; the enclosing construct.

(declare run-items)

(defn- up? [r] (and (map? r) (::up r)))

(defn- capture
  "[text result] of running items over nav with *out* captured."
  [items nav]
  (let [sw (java.io.StringWriter.)
        r (binding [*out* sw] (run-items items nav))]
    [(str sw) r]))

(defn- column []
  (if-let [lay (current-layout)] (lay-column lay) 0))

(defn- case-convert [^String s colon at]
  (cond
    (and colon at) (clojure.string/upper-case s)
    colon (clojure.string/replace (clojure.string/lower-case s) #"[\p{L}\p{N}]+"
                                  #(str (clojure.string/upper-case (subs % 0 1)) (subs % 1)))
    at (let [s (clojure.string/lower-case s)
             [_ lead c more] (re-find #"(?s)^([^\p{L}\p{N}]*)([\p{L}\p{N}])(.*)$" s)]
         (if c (str lead (clojure.string/upper-case c) more) s))
    :else (clojure.string/lower-case s)))

(defn- up-test
  "Whether ~^ with parameters p ends the construct, given navigator nav."
  [{:keys [arg1 arg2 arg3]} nav outer-nav]
  (cond
    arg3 (<= arg1 arg2 arg3)
    arg2 (= arg1 arg2)
    arg1 (zero? arg1)
    :else (zero? (remaining (or outer-nav nav)))))

(def ^:private ^:dynamic *outer-nav*
  "In an iteration over sublists (~:{), the navigator over the sublists, for ~:^."
  nil)

(defn- run-iteration [d p nav]
  (let [{:keys [colon at clauses end]} d
        body0 (first clauses)
        [body nav] (if (empty? body0)
                     (let [[f nav] (next-arg nav)] [(if (string? f) (compile-format f) f) nav])
                     [body0 nav])
        body (if (fn? body) [body] body)
        max-n (:max-iterations p)
        once? (:colon end)
        [lst nav] (if at [nil nav] (next-arg nav))
        args-nav (if at nav [(vec (seq lst)) 0])]
    (if colon
      ;; each argument is a list of arguments for one iteration
      (loop [outer args-nav n 0]
        (if (or (and max-n (>= n max-n))
                (and (zero? (remaining outer)) (not (and once? (zero? n)))))
          (if at outer nav)
          (let [[sub outer'] (next-arg outer)
                r (binding [*outer-nav* outer'] (run-items body [(vec (seq sub)) 0]))]
            (if (and (up? r) (:colon r))
              (if at outer' nav)
              (recur outer' (inc n))))))
      (loop [inner args-nav n 0]
        (if (or (and max-n (>= n max-n))
                (and (zero? (remaining inner)) (not (and once? (zero? n)))))
          (if at inner nav)
          (let [r (binding [*outer-nav* nil] (run-items body inner))]
            (if (up? r)
              (if at (:nav r) nav)
              (recur r (inc n)))))))))

(defn- run-conditional [d p nav]
  (let [{:keys [colon at clauses else]} d]
    (cond
      colon (let [[a nav] (next-arg nav)]
              (run-items (clauses (if a 1 0)) nav))
      at (let [[a nav'] (next-arg nav)]
           (if a (run-items (first clauses) nav) nav'))
      :else (let [[sel nav] (if (some? (:selector p)) [(:selector p) nav] (next-arg nav))
                  n (count clauses)
                  k (cond (and (integer? sel) (< -1 sel (if else (dec n) n))) sel
                          else (dec n)
                          :else nil)]
              (if k (run-items (clauses k) nav) nav)))))

(defn- run-logical-block [d p nav]
  (let [{:keys [at clauses seps colon]} d
        [prefix body suffix] (case (count clauses)
                               1 [(if colon "(" "") (clauses 0) (if colon ")" "")]
                               2 [(apply str (clauses 0)) (clauses 1) (if colon ")" "")]
                               [(apply str (clauses 0)) (clauses 1) (apply str (clauses 2))])
        per-line? (and (seq seps) (:at (first seps)))
        [lst nav'] (if at [nil nav] (next-arg nav))
        inner (if at nav [(vec (seq lst)) 0])
        result (volatile! nav')]
    (call-block (when-not per-line? prefix) (when per-line? prefix) suffix
                (fn []
                  (let [r (binding [*length* nil] (run-items body inner))]
                    (when at (vreset! result (if (up? r) (:nav r) r))))))
    @result))

(defn- run-justify [d p nav]
  (let [{:keys [colon at clauses else seps]} d
        {:keys [mincol colinc minpad padchar]} p
        [eol-clause clauses] (if else [(first clauses) (vec (rest clauses))] [nil clauses])
        [segs nav] (loop [cs clauses segs [] nav nav]
                     (if (empty? cs)
                       [segs nav]
                       (let [[t r] (capture (first cs) nav)]
                         (if (up? r)
                           [(if (= "" t) segs (conj segs t)) (:nav r)]
                           (recur (rest cs) (conj segs t) r)))))
        n-gaps (+ (dec (count segs)) (if colon 1 0) (if at 1 0))
        [n-gaps before? after?] (if (and (= 1 (count segs)) (not colon) (not at))
                                  [1 true false]
                                  [(max n-gaps 0) colon at])
        text-w (reduce + (map text-width segs))
        need (+ text-w (* n-gaps minpad))
        colinc (max colinc 1)
        total (if (<= need mincol)
                mincol
                (+ mincol (* colinc (quot (+ (- need mincol) (dec colinc)) colinc))))
        pad (- total text-w)
        gap-sizes (if (pos? n-gaps)
                    (let [q (quot pad n-gaps) r (rem pad n-gaps)]
                      (map #(if (< % r) (inc q) q) (range n-gaps)))
                    [])
        pads (map #(apply str (repeat % padchar)) gap-sizes)
        parts (loop [segs segs pads pads acc [] first? true]
                (cond
                  (and first? before?) (recur segs (rest pads) (conj acc (first pads)) false)
                  (empty? segs) (if (and after? (seq pads)) (conj acc (first pads)) acc)
                  :else (let [acc (conj acc (first segs))
                              segs (rest segs)]
                          (if (or (seq segs))
                            (recur segs (rest pads) (conj acc (first pads)) false)
                            (recur segs pads acc false)))))
        s (apply str parts)]
    (when eol-clause
      (let [sep (first seps)
            [[spare _] [width _]] (:params sep)
            spare (or (when (integer? spare) spare) 0)
            width (or (when (integer? width) width) *print-right-margin* 72)
            [t _] (capture eol-clause nav)]
        (when (> (+ (column) (text-width s) spare) width)
          (out! t))))
    (out! s)
    nav))

(defn- run-directive [d nav]
  (let [[p nav] (resolve-params d nav)
        {:keys [ch colon at]} d]
    (case ch
      (\A \S) (let [[a nav] (next-arg nav)
                    s (if (and colon (nil? a)) "()" (if (= ch \A) (print-str a) (pr-str a)))]
                (out! (pad-text s p at))
                nav)
      \D (let [[a nav] (next-arg nav)] (out! (format-integer a 10 p colon at)) nav)
      \B (let [[a nav] (next-arg nav)] (out! (format-integer a 2 p colon at)) nav)
      \O (let [[a nav] (next-arg nav)] (out! (format-integer a 8 p colon at)) nav)
      \X (let [[a nav] (next-arg nav)] (out! (format-integer a 16 p colon at)) nav)
      \R (let [[a nav] (next-arg nav)]
           (out! (cond
                   (:base p) (format-integer a (:base p) p colon at)
                   (and at colon) (if (< 0 a 4000) (roman a true) (format-integer a 10 {:mincol 0 :padchar \space :commachar \, :comma-interval 3} true false))
                   at (if (< 0 a 4000) (roman a false) (format-integer a 10 {:mincol 0 :padchar \space :commachar \, :comma-interval 3} true false))
                   :else (english a colon)))
           nav)
      \P (let [nav (if colon [(first nav) (max 0 (dec (second nav)))] nav)
               [a nav] (next-arg nav)]
           (out! (if (= a 1) (if at "y" "") (if at "ies" "s")))
           nav)
      \C (let [[a nav] (next-arg nav)]
           (out! (cond colon (char-name a) at (pr-str a) :else (str a)))
           nav)
      \F (let [[a nav] (next-arg nav)] (out! (if (number? a) (float-f a p at) (print-str a))) nav)
      \E (let [[a nav] (next-arg nav)] (out! (if (number? a) (float-e a p at) (print-str a))) nav)
      \G (let [[a nav] (next-arg nav)] (out! (if (number? a) (float-g a p at) (print-str a))) nav)
      \$ (let [[a nav] (next-arg nav)] (out! (if (number? a) (float-dollar a p colon at) (print-str a))) nav)
      \% (do (out! (apply str (repeat (:count p) \newline))) nav)
      \& (let [n (:count p)]
           (when (pos? n)
             (out! (apply str (repeat (if (zero? (column)) (dec n) n) \newline))))
           nav)
      \| (do (out! (apply str (repeat (:count p) \formfeed))) nav)
      \~ (do (out! (apply str (repeat (:count p) \~))) nav)
      \T (let [{:keys [colnum colinc]} p
               col (column)]
           (if at
             (let [c (+ col colnum)
                   c (if (pos? colinc) (* colinc (quot (+ c (dec colinc)) colinc)) c)]
               (out! (spaces (- c col))))
             (out! (spaces (cond (< col colnum) (- colnum col)
                                 (zero? colinc) 0
                                 :else (- (+ colnum (* colinc (inc (quot (- col colnum) colinc)))) col)))))
           nav)
      \* (let [[args i] nav]
           (cond
             at (let [k (or (:n p) 0)]
                  (if (<= 0 k (count args)) [args k]
                      (throw (RuntimeException. "Not enough arguments for format definition"))))
             colon (let [k (- i (or (:n p) 1))]
                     (if (neg? k) (throw (RuntimeException. "Not enough arguments for format definition")) [args k]))
             :else (let [k (+ i (or (:n p) 1))]
                     (if (> k (count args)) (throw (RuntimeException. "Not enough arguments for format definition")) [args k]))))
      \? (let [[f nav] (next-arg nav)
               items (if (string? f) (compile-format f) [f])]
           (if at
             (let [r (run-items items nav)] (if (up? r) (:nav r) r))
             (let [[a nav] (next-arg nav)]
               (run-items items [(vec (seq a)) 0])
               nav)))
      \( (let [[t r] (capture (first (:clauses d)) nav)]
           (out! (case-convert t colon at))
           r)
      \[ (run-conditional d p nav)
      \{ (run-iteration d p nav)
      \< (if (:colon (:end d)) (run-logical-block d p nav) (run-justify d p nav))
      \^ (if (up-test p nav (when colon *outer-nav*))
           {::up true :nav nav :colon colon}
           nav)
      \W (let [[a nav] (next-arg nav)]
           (binding [*print-pretty* (or colon *print-pretty*)
                     *print-level* (if at nil *print-level*)
                     *print-length* (if at nil *print-length*)]
             (write-out a))
           nav)
      \_ (do (pprint-newline (cond (and colon at) :mandatory colon :fill at :miser :else :linear)) nav)
      \I (do (pprint-indent (if colon :current :block) (:n p)) nav))))

(defn- run-items [items nav]
  (loop [items (seq items) nav nav]
    (if-not items
      nav
      (let [it (first items)]
        (cond
          (string? it) (do (out! it) (recur (next items) nav))
          (fn? it) (recur (next items) (it nav))
          :else (let [r (run-directive it nav)]
                  (if (up? r) r (recur (next items) r))))))))

(defn- run-format
  "Runs format items over args with *out* a pretty writer."
  [items args]
  (call-pretty *out* #(run-items items [(vec args) 0])))

(defn cl-format
  "Common Lisp's format for Clove: writes the arguments, laid out as the format
  string format-in (or a compiled formatter) directs, to writer: nil gives a string,
  true *out*, and a writer itself. See the Common Lisp HyperSpec, section 22.3, for
  the directives."
  {:added "1.2" :arglists '[[writer format-in & args]]}
  [writer format-in & args]
  (let [items (if (string? format-in) (compile-format format-in) format-in)
        go #(run-format items args)]
    (cond
      (nil? writer) (let [sw (java.io.StringWriter.)]
                      (binding [*out* sw] (go))
                      (str sw))
      (true? writer) (do (go) nil)
      :else (do (binding [*out* writer] (go)) nil))))

(defn fresh-line
  "Makes sure the next output starts a line: writes a newline unless *out* is a pretty
  writer at column 0."
  {:added "1.2"}
  []
  (if-let [lay (current-layout)]
    (when-not (zero? (lay-column lay)) (.write *out* "\n"))
    (.write *out* "\n")))

(defn- formatter-fn [format-in to-out?]
  (let [items (if (string? format-in) (compile-format format-in) format-in)]
    (if to-out?
      (fn [& args] (run-format items args) nil)
      (fn [stream & args] (apply cl-format stream items args)))))

(defmacro formatter
  "Makes a function that formats like cl-format with format string format-in: its
  arguments are a stream and the format arguments."
  {:added "1.2"}
  [format-in]
  `(#'clojure.pprint/formatter-fn ~format-in false))

(defmacro formatter-out
  "Makes a function that formats its arguments to *out* with format string
  format-in, like (cl-format true format-in args...)."
  {:added "1.2"}
  [format-in]
  `(#'clojure.pprint/formatter-fn ~format-in true))

;; ---------------------------------------------------------------------------
;; code-dispatch: Clojure code laid out by the shape its head symbol calls for

(defn- write-rest
  "Writes each form of seq s preceded by a space and a newline of kind nl-kind."
  [s nl-kind]
  (print-length-loop [s (seq s)]
    (when s
      (.write *out* " ")
      (pprint-newline nl-kind)
      (write-out (first s))
      (recur (next s)))))

(defn- code-call
  "A call: the head, then the arguments on its line or one a line, indented 2."
  [form]
  (pprint-logical-block :prefix "(" :suffix ")"
    (pprint-indent :block 1)
    (when (seq form)
      (write-out (first form))
      (write-rest (rest form) :linear))))

(defn- code-head-and-first
  "The head and its first argument on one line, the rest one a line, indented by
  `indent` from the block's start: 0 for def, ->, locking... (the rest under the head),
  1 for if, when... (the test on the head's line, the branches below it)."
  [indent form]
  (pprint-logical-block :prefix "(" :suffix ")"
    (pprint-indent :block indent)
    (write-out (first form))
    (when-let [s (next form)]
      (.write *out* " ")
      (pprint-newline :miser)
      (write-out (first s))
      (write-rest (next s) :linear))))

(def ^:private code-hold-first (partial code-head-and-first 0))
(def ^:private code-if (partial code-head-and-first 1))

(defn- write-pair [[a & more]]
  (pprint-logical-block
    (write-out a)
    (when more
      (.write *out* " ")
      (pprint-newline :miser)
      (write-out (first more)))))

(defn- write-pairs
  "Writes the forms of s two by two, each pair a block, preceded by a space and a
  linear newline."
  [s]
  (print-length-loop [s (seq s)]
    (when s
      (.write *out* " ")
      (pprint-newline :linear)
      (write-pair (take 2 s))
      (recur (nnext s)))))

(defn- code-bindings
  "A binding vector: its pairs one a line when it does not fit."
  [v]
  (pprint-logical-block :prefix "[" :suffix "]"
    (print-length-loop [s (seq v)]
      (when s
        (write-pair (take 2 s))
        (when-let [more (nnext s)]
          (.write *out* " ")
          (pprint-newline :linear)
          (recur more))))))

(defn- break-after-head
  "After a form's head: a space, the rest of the block indented 1 from its start, and a
  miser newline (let, defn and ns forms put their next part on the head's line)."
  []
  (.write *out* " ")
  (pprint-indent :block 1)
  (pprint-newline :miser))

(defn- code-let
  "let, loop, doseq...: the bindings on the head's line, the body below."
  [form]
  (let [[head bindings & body] form]
    (if (vector? bindings)
      (pprint-logical-block :prefix "(" :suffix ")"
        (write-out head)
        (break-after-head)
        (code-bindings bindings)
        (.write *out* " ")
        (pprint-newline :linear)
        (write-items (seq body) :linear))
      ;; as on the JVM, in doubled parentheses: ((let x y))
      (pprint-logical-block :prefix "(" :suffix ")" (code-call form)))))

(defn- code-cond
  "cond: the test and expression pairs one a line."
  [form]
  (pprint-logical-block :prefix "(" :suffix ")"
    (pprint-indent :block 1)
    (write-out (first form))
    (write-pairs (rest form))))

(defn- code-condp
  "condp: the predicate and expression on the head's line, then the pairs (a call
  when no clause follows, as on the JVM)."
  [form]
  (if (< (count form) 4)
    (code-call form)
    (let [[head pred expr & clauses] form]
      (pprint-logical-block :prefix "(" :suffix ")"
        (pprint-indent :block 1)
        (write-out head)
        (.write *out* " ")
        (pprint-newline :miser)
        (write-out pred)
        (.write *out* " ")
        (pprint-newline :miser)
        (write-out expr)
        (write-pairs clauses)))))

(defn- code-arities
  "The part of a defn after the name, docstring and attribute map: an argument vector
  and a body (the vector on the name's line unless extra? says a docstring or an
  attribute map came between), or one list for each arity, one a line."
  [s extra?]
  (if (vector? (first s))
    (do (.write *out* " ")
        (pprint-newline (if extra? :linear :miser))
        (write-out (first s))
        (write-rest (rest s) :linear))
    (write-rest s :linear)))

(defn- code-defn
  "defn, fn, defmacro: the name and argument vector on the head's line, then the
  docstring, the attribute map and the body, or the arities, one a line. As on the
  JVM, the form after the head is the name whatever it is."
  [form]
  (let [[head & s] form]
    (pprint-logical-block :prefix "(" :suffix ")"
      (write-out head)
      (when s
        (break-after-head)
        ;; (fn [x] [y] z): the name [x], the argument vector [y]
        (let [name (first s)
              s (next s)
              [doc s] (if (and (string? (first s)) (next s)) [(first s) (next s)] [nil s])
              [attrs s] (if (and (map? (first s)) (next s)) [(first s) (next s)] [nil s])]
          (write-out name)
          (when doc
            (.write *out* " ")
            (pprint-newline :linear)
            (write-out doc))
          (when attrs
            (.write *out* " ")
            (pprint-newline :linear)
            (write-out attrs))
          (when s (code-arities s (boolean (or doc attrs)))))))))

(defn- write-fill-rest
  "Writes the first form of s, a space, then the rest aligned under the second one,
  separated by fill newlines."
  [s]
  (write-out (first s))
  (when-let [more (next s)]
    (.write *out* " ")
    (pprint-indent :current 0)
    (print-length-loop [more more]
      (when more
        (write-out (first more))
        (when (next more)
          (.write *out* " ")
          (pprint-newline :fill))
        (recur (next more))))))

(defn- code-libspec
  "A libspec in an ns clause: [lib :as alias] on one line, [lib & more] (or a prefix
  list) with the rest aligned under the second form."
  [spec]
  (let [[prefix suffix] (if (vector? spec) ["[" "]"] ["(" ")"])]
    (if (and (vector? spec) (= 3 (count spec)) (keyword? (second spec)))
      (pprint-logical-block :prefix prefix :suffix suffix
        (write-out (first spec)) (.write *out* " ")
        (write-out (second spec)) (.write *out* " ")
        (write-out (nth spec 2)))
      (pprint-logical-block :prefix prefix :suffix suffix
        (write-fill-rest (seq spec))))))

(defn- code-ns-clause [clause]
  (if (and (seq? clause) (keyword? (first clause)))
    (pprint-logical-block :prefix "(" :suffix ")"
      (write-out (first clause))
      (when-let [s (next clause)]
        (.write *out* " ")
        (pprint-indent :current 0)
        (print-length-loop [s s]
          (when s
            (let [x (first s)]
              (if (or (vector? x) (and (seq? x) (seq x)))
                (code-libspec x)
                (write-out x)))
            (when (next s)
              (.write *out* " ")
              (pprint-newline :fill))
            (recur (next s))))))
    (write-out clause)))

(defn- code-ns
  "ns: the name on the head's line, then each clause on a line of its own."
  [form]
  (let [[head & s] form]
    (pprint-logical-block :prefix "(" :suffix ")"
      (write-out head)
      (when s
        (break-after-head)
        (write-out (first s))
        (doseq [c (next s)]
          (.write *out* " ")
          (pprint-newline :mandatory)
          (code-ns-clause c))))))

(defn- anon-arg-names
  "The % names of the parameters of an anonymous fn's argument vector, as the JVM
  gives them: % for a single parameter, else %n for the nth element of the vector
  (& counts: [p1 & rest] gives %1 and %3)."
  [params]
  (if (= 1 (count params))
    {(first params) (symbol "%")}
    (into {} (map-indexed (fn [i p] [p (symbol (str "%" (inc i)))])) params)))

(defn- anon-fn-form?
  "Whether form is printed as #(...)."
  [form]
  (and (seq? form) (= 'fn* (first form)) (= 3 (count form))
       (vector? (second form)) (seq? (nth form 2))))

(defn- rename-syms
  "form with the symbols that are keys of names replaced, inside lists, vectors,
  maps and sets too, but not inside a nested #(...), which names its own
  parameters (and only those) as the JVM does."
  [form names]
  (cond
    (symbol? form) (get names form form)
    (anon-fn-form? form) form
    (seq? form) (apply list (map #(rename-syms % names) form))
    (map-entry? form) form
    (vector? form) (mapv #(rename-syms % names) form)
    (map? form) (into (empty form) (map (fn [[k v]] [(rename-syms k names) (rename-syms v names)])) form)
    (set? form) (into (empty form) (map #(rename-syms % names)) form)
    :else form))

(defn- code-anon-fn
  "(fn* [p1__1#] ...) as #(...)."
  [form]
  (let [[_ params body] form]
    (if (anon-fn-form? form)
      (let [names (anon-arg-names params)
            body (apply list (map #(rename-syms % names) body))]
        (pprint-logical-block :prefix "#(" :suffix ")"
          (write-items (seq body) :linear)))
      (code-call form))))

(def ^:private code-table
  (merge
   (zipmap '[def defonce -> . .. locking struct struct-map] (repeat code-hold-first))
   (zipmap '[defn defn- defmacro fn] (repeat code-defn))
   (zipmap '[let loop binding with-open if-let when-let when-first doseq
             dotimes with-local-vars]
           (repeat code-let))
   (zipmap '[if if-not when when-not] (repeat code-if))
   {'cond code-cond 'condp code-condp 'ns code-ns 'fn* code-anon-fn}))

(def ^:private code-reader-macros
  {'quote "'" 'clojure.core/deref "@" 'var "#'"})

(defn- code-list [form]
  (let [head (first form)
        m (and (symbol? head) (code-reader-macros head))]
    (cond
      (and m (= 2 (count form))) (do (.write *out* ^String m) (write-out (second form)))
      (and (symbol? head) (code-table head)) ((code-table head) form)
      :else (code-call form))))

(defn- dispatch-code [x]
  (cond
    (seq? x) (code-list x)
    :else (dispatch-data x)))

(defmulti code-dispatch
  "A value for *print-pprint-dispatch* that lays out Clojure code: special forms and
  core macros (defn, let, cond, ns, ...) are indented as code is usually written. A
  multimethod on (class x)."
  {:added "1.2" :arglists '[[object]]}
  class)

(defmethod code-dispatch :default [x] (dispatch-code x))
