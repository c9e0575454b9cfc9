;; lazy-ns: clojure.zip
;; 14_zip.clj: clojure.zip (SPEC L17), loaded on the first (require 'clojure.zip).
;; Written for Clove from the documented behaviour of Clojure's zippers (Huet's
;; "The Zipper"). A location is the pair [focus crumbs], with the tree's three
;; functions kept in the pair's metadata under :zip/branch?, :zip/children and
;; :zip/make-node. The crumbs are nil at the root, :end once `next` has walked off the
;; tree, and otherwise a map with the siblings on the left (:l, a vector, nearest last),
;; the ancestors' nodes (:pnodes, a vector, parent last), the parent's crumbs (:ppath),
;; the siblings on the right (:r, a seq, nearest first) and :changed? once an edit has
;; been made below the parent. These shapes are visible when a location is printed, so
;; they are kept exactly as Clojure prints them.

(ns clojure.zip
  "Zippers: a focus on one node of a tree plus what is needed to rebuild the tree
  around it, for moving about (up/down/left/right, next/prev) and editing in place."
  (:refer-clojure :exclude [replace remove next]))

;; ---------------------------------------------------------------------------------
;; Locations

(defn- at
  "A location focused on node with crumbs p, sharing loc's tree functions."
  [loc node p]
  (with-meta [node p] (meta loc)))

(defn- crumbs [loc] (nth loc 1))

(defn- tree-fn [loc k] (get (meta loc) k))

(defn- touched
  "Crumbs p marked as leading to an edited subtree (nil stays nil)."
  [p]
  (when p (assoc p :changed? true)))

(defn zipper
  "Makes a zipper positioned at root. branch? tells whether a node may have children,
  children returns a branch node's children as a seq, and make-node builds a node from
  an existing node and a seq of new children. Returns the root location."
  [branch? children make-node root]
  (with-meta [root nil]
    {:zip/branch? branch? :zip/children children :zip/make-node make-node}))

(defn seq-zip
  "A zipper over nested seqs: every seq is a branch and its elements are its children."
  [root]
  (zipper seq? identity (fn [old kids] (with-meta kids (meta old))) root))

(defn vector-zip
  "A zipper over nested vectors: every vector is a branch and its elements are its
  children."
  [root]
  (zipper vector? seq (fn [old kids] (with-meta (vec kids) (meta old))) root))

(defn xml-zip
  "A zipper over element maps as clojure.xml/parse returns them ({:tag :attrs
  :content}): strings are leaves, an element's children are its :content."
  [root]
  (zipper (fn [n] (not (string? n)))
          (fn [n] (seq (:content n)))
          (fn [old kids] (assoc old :content (when kids (vec kids))))
          root))

;; ---------------------------------------------------------------------------------
;; Inspecting a location

(defn node
  "The node in focus at loc."
  [loc]
  (nth loc 0))

(defn branch?
  "True when the node in focus may have children, by the zipper's branch? function."
  [loc]
  ((tree-fn loc :zip/branch?) (node loc)))

(defn children
  "The children of the branch node in focus, as a seq. Throws when it is a leaf."
  [loc]
  (when-not (branch? loc)
    (throw (Exception. "called children on a leaf node")))
  ((tree-fn loc :zip/children) (node loc)))

(defn make-node
  "Builds a node like node but with the given children, using the zipper's make-node
  function. The location itself is not changed."
  [loc node children]
  ((tree-fn loc :zip/make-node) node children))

(defn path
  "The nodes from the root down to the parent of the focus, root first (nil at the
  root)."
  [loc]
  (get (crumbs loc) :pnodes))

(defn lefts
  "The siblings left of the focus, leftmost first, as a seq (nil when none)."
  [loc]
  (seq (get (crumbs loc) :l)))

(defn rights
  "The siblings right of the focus, nearest first (nil when none)."
  [loc]
  (get (crumbs loc) :r))

(defn end?
  "True when loc is the end reached by walking the whole tree with next."
  [loc]
  (= :end (crumbs loc)))

;; ---------------------------------------------------------------------------------
;; Moving

(defn down
  "The location of the leftmost child of the focus, or nil when the focus is a leaf or
  has no children."
  [loc]
  (when-let [kids (and (branch? loc) (seq (children loc)))]
    (let [here (node loc)
          p (crumbs loc)]
      (at loc (first kids)
          {:l []
           :pnodes (if p (conj (:pnodes p) here) [here])
           :ppath p
           :r (clojure.core/next kids)}))))

(defn up
  "The location of the parent of the focus, or nil at the root. The parent is rebuilt
  with make-node when something below it was edited."
  [loc]
  (let [[here p] loc
        anc (:pnodes p)]
    (when (seq anc)
      (let [parent (peek anc)
            above (:ppath p)]
        (if (:changed? p)
          (at loc
              (make-node loc parent (concat (:l p) (cons here (:r p))))
              (touched above))
          (at loc parent above))))))

(defn root
  "Goes all the way up and returns the root node, with every edit applied."
  [loc]
  (loop [cur loc]
    (let [parent (when-not (end? cur) (up cur))]
      (if parent (recur parent) (node cur)))))

(defn right
  "The location of the next sibling to the right, or nil when there is none."
  [loc]
  (let [[here p] loc
        rs (:r p)]
    (when (and p (seq rs))
      (at loc (first rs) (assoc p :l (conj (:l p) here) :r (clojure.core/next rs))))))

(defn rightmost
  "The location of the last sibling to the right, or loc itself when there is none."
  [loc]
  (let [[here p] loc
        rs (:r p)]
    (if (and p rs)
      (at loc (last rs) (assoc p :l (into (conj (:l p) here) (butlast rs)) :r nil))
      loc)))

(defn left
  "The location of the next sibling to the left, or nil when there is none."
  [loc]
  (let [[here p] loc
        ls (:l p)]
    (when (and p (seq ls))
      (at loc (peek ls) (assoc p :l (pop ls) :r (cons here (:r p)))))))

(defn leftmost
  "The location of the first sibling to the left, or loc itself when there is none."
  [loc]
  (let [[here p] loc
        ls (:l p)]
    (if (and p (seq ls))
      (at loc (first ls) (assoc p :l [] :r (concat (rest ls) (cons here (:r p)))))
      loc)))

;; ---------------------------------------------------------------------------------
;; Editing

(defn- sibling-edit
  "Shared by insert-left and insert-right: k is :l or :r, add puts item there."
  [loc k add item]
  (let [[here p] loc]
    (when-not p (throw (Exception. "Insert at top")))
    (at loc here (assoc p k (add (get p k) item) :changed? true))))

(defn insert-left
  "Puts item as a new sibling just left of the focus, which stays where it is. Throws
  at the root."
  [loc item]
  (sibling-edit loc :l conj item))

(defn insert-right
  "Puts item as a new sibling just right of the focus, which stays where it is. Throws
  at the root."
  [loc item]
  (sibling-edit loc :r (fn [rs x] (cons x rs)) item))

(defn replace
  "Puts node in place of the node in focus. (At the root the crumbs become
  {:changed? true}, as in Clojure.)"
  [loc node]
  (at loc node (assoc (crumbs loc) :changed? true)))

(defn edit
  "Replaces the node in focus by (apply f node args)."
  [loc f & args]
  (let [changed (apply f (node loc) args)]
    (replace loc changed)))

(defn insert-child
  "Makes item the first child of the branch node in focus; the focus stays put."
  [loc item]
  (let [kids (cons item (children loc))]
    (replace loc (make-node loc (node loc) kids))))

(defn append-child
  "Makes item the last child of the branch node in focus; the focus stays put."
  [loc item]
  (let [kids (concat (children loc) (list item))]
    (replace loc (make-node loc (node loc) kids))))

;; ---------------------------------------------------------------------------------
;; Depth-first walk

(defn- deepest-last
  "From loc, keeps going to the last child while there is one."
  [loc]
  (if-let [kid (and (branch? loc) (down loc))]
    (recur (rightmost kid))
    loc))

(defn- climb-right
  "The right sibling of the nearest ancestor that has one, or the end location."
  [loc]
  (if-let [parent (up loc)]
    (or (right parent) (recur parent))
    [(node loc) :end]))

(defn next
  "The location after loc in a depth-first, pre-order walk. After the last node it
  returns the end location (see end?), where it stays; its node is the whole tree."
  [loc]
  (cond
    (end? loc) loc
    :else (or (and (branch? loc) (down loc))
              (right loc)
              (climb-right loc))))

(defn prev
  "The location before loc in a depth-first, pre-order walk, or nil at the root."
  [loc]
  (if-let [l (left loc)]
    (deepest-last l)
    (up loc)))

(defn remove
  "Removes the node in focus and returns the location that next would have reached
  just before it in a pre-order walk (the previous sibling's deepest last descendant,
  or the parent). Throws at the root."
  [loc]
  (let [[_ p] loc]
    (when-not p (throw (Exception. "Remove at top")))
    (let [ls (:l p)]
      (if (seq ls)
        (deepest-last (at loc (peek ls) (assoc p :l (pop ls) :changed? true)))
        (at loc
            (make-node loc (peek (:pnodes p)) (:r p))
            (touched (:ppath p)))))))
