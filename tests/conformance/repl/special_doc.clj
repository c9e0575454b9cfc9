;; clojure.repl: (doc ...) of every special form (and catch/finally, shown as try),
;; demunge of every munged character, apropos and dir-fn by regex and alias.
(require '[clojure.repl :refer [doc demunge apropos dir-fn]] '[clojure.set :as cset])
(doc def) (doc if) (doc do) (doc quote) (doc var) (doc recur) (doc throw)
(doc try) (doc catch) (doc finally) (doc monitor-enter) (doc monitor-exit)
(doc new) (doc set!) (doc .)
(prn (demunge "a$b_COLON_c_GT__LT__EQ__TILDE__BANG__CIRCA__SHARP__SINGLEQUOTE_"))
(prn (demunge "x$_DOUBLEQUOTE__PERCENT__CARET__AMPERSAND__STAR__BAR__LBRACE__RBRACE__LBRACK__RBRACK__SLASH__BSLASH__QMARK_"))
(prn (demunge "foo_bar$baz__1$fn__2") (demunge "plain") (demunge "a$b$c"))
(prn (apropos #"^cset-none") (apropos "union") (apropos #"^(sub|super)set\?$"))
(prn (dir-fn 'cset) (= (dir-fn 'cset) (dir-fn 'clojure.set)))
