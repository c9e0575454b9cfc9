;; 06_match.clj: `match`, pattern matching with core.match's pattern syntax (SPEC L15).
;;
;; (match x  pattern expr ... :else expr)        one value
;; (match [x y ...]  [p q ...] expr ... :else expr)   several values, one row of
;;                                                    patterns per clause
;; Patterns:
;;   1 "s" :k \c nil true false 'sym   literal, compared with =
;;   _                                 anything
;;   x                                 anything, bound to x (a local already in scope
;;                                     is compared with = instead, when &env lists it)
;;   [p q]  [p q & r]                  a vector of exactly 2 / at least 2 elements;
;;                                     r is bound to the rest, a subvec
;;   ([p q & r] :seq)  ([] :seq)       a seq or sequential collection, element by
;;                                     element with first/rest; r is the rest seq
;;   {:a p :b q}                       a map (or vector) holding those keys, whose
;;                                     values match p and q
;;   ({:a p} :only [:a])               ... and no keys but those listed
;;   (p :as x)                         p, with x bound to the whole value
;;   (p :guard f)  (p :guard [f g])    p, and (f v) (and (g v)) is truthy; guards run
;;                                     before p's own tests, as in core.match
;;   (p :<< f)                         (f v) matches p (f runs again to bind p's names)
;;   (:or p q ...)  (p | q ...)        any of the alternatives; a name bound by only
;;                                     some alternatives is nil when another matched
;; Keyword suffixes chain left to right: ([a b] :seq :as s). In a row of several
;; patterns, `p :as x` and `p :guard f` may also be written flat ([a :as b c]).
;;
;; The expansion is a chain of tests: each clause's patterns become one and/if test
;; over the values (bound once to locals), and the clause's body runs in a let* that
;; binds the pattern's names. Nothing backtracks and nothing throws to move on, so
;; `recur` in a clause body is in tail position when the match is. Without a matching
;; clause (and no :else) it throws IllegalArgumentException "No matching clause: "
;; followed by the values, separated by spaces (core.match's message). Malformed
;; patterns are errors at expansion time, with core.match's wording where it has one.
;;
;; Deliberate differences from core.match: clauses are tried strictly in order (no
;; decision tree), so a guard runs once per clause that reaches it; `:when` is an alias
;; of `:guard` (no predicate registry); `(p :as x)` and `:or` alternatives may bind
;; names anywhere; map keys may be any constant.
;;
;; The same macro is clojure.core.match/match, for portable code. The expander itself
;; is the lazily loaded namespace clove.match (13_match.clj): about 3 ms of compiling
;; that a program pays only when it first uses match.

(defmacro match
  "Pattern matching with core.match's syntax: (match x pat expr ... :else expr) or
  (match [x y] [pat-x pat-y] expr ... :else expr). Clauses are tried in order; the
  first whose patterns all match evaluates its expr with the pattern's names bound.
  Patterns: literals (=), _ (anything), symbols (bind), [a b & r] vectors,
  ([a & r] :seq) seqs, {:k p} maps (({:k p} :only [:k]) for exact keys), (p :as x),
  (p :guard f) or (p :guard [f g]), (p :<< f), (:or p q) or (p | q). Without a
  matching clause or :else, throws IllegalArgumentException \"No matching clause: \"
  followed by the values."
  [vars & clauses]
  (require 'clove.match)
  ((var-get (resolve 'clove.match/expand)) &env vars clauses))

;; clojure.core.match/match: the same macro, for code that also runs on the JVM.
(let [ns (create-ns 'clojure.core.match)
      v (intern ns 'match (var-get #'match))]
  (set-macro! v)
  (reset-meta! v (assoc (meta #'match) :ns ns :macro true)))
