;; Where the JVM's layout departs from plain XP, found by experiment: a conditional
;; newline that does not directly follow text ending in a space needs one more column
;; (until a newline of its block that did follow such text has stayed unbroken); a fill
;; newline of a broken block in miser style breaks at the margin itself. Logical blocks
;; built with the functional interface (text, :ib = pprint-indent :block 1, nested
;; vectors = nested blocks) at a range of right margins, then code-dispatch forms whose
;; layout hangs on the JVM's reading of defn, fn*, condp and when-some.
(require '[clojure.pprint :as pp])
(defn blk [spec]
  (pp/pprint-logical-block :prefix "(" :suffix ")"
    (doseq [s spec]
      (cond (string? s) (.write *out* ^String s)
            (= s :ib) (pp/pprint-indent :block 1)
            (= s :ic) (pp/pprint-indent :current 0)
            (vector? s) (blk s)
            :else (pp/pprint-newline s)))))
(def before-first
  {"S" [" "] "N" [] "SI" [" " :ib] "I" [:ib] "B" [["z"]] "BS" [["z"] " "] "SB" [" " ["z"]]})
(def before-second
  (assoc before-first "SIS" [" " :ib " "] "IS" [:ib " "]))
(def cases
  (concat
    (for [[n p] (sort before-second) k [:linear :fill :miser]]
      [(str "one " n " " k) (vec (concat ["x"] p [k "bbb"]))])
    (for [[n1 p1] (sort before-first) [n2 p2] (sort before-second)]
      [(str "two " n1 " " n2) (vec (concat ["x"] p1 [:fill "y"] p2 [:fill "bbb"]))])
    [["nested miser" ["x" " " :linear ["aaa" " " :ib :miser "bbb"] " " :linear "ccc"]]
     ["nested linear" ["x" " " :linear ["aaa" " " :ib :linear "bbb"]]]
     ["two with indent" ["aaa" " " :ib :linear "bbb" " " :ib :linear "ccc"]]
     ["fills after indent" ["aaa" " " :ib :fill "bbb" " " :fill "ccc" " " :fill "ddd"]]
     ["nested after block" ["aaa" " " :ib :linear ["b" " " :ib :linear "b"] " " :ib :linear "ccc"]]
     ["fill after line" ["x" " " :linear "yy" :fill "bbb"]]]))
(doseq [[name spec] cases
        mw [40 nil]
        w (range 5 20)]
  (binding [pp/*print-right-margin* w pp/*print-miser-width* mw]
    (println "--" name w mw)
    (pp/with-pprint-dispatch (fn [_] (blk spec)) (pp/pprint :x))))
(def code
  '[(fn [p] (match-parse env p))
    (map (fn [p] (match-parse env p)) (match-parse-alternatives items))
    (let [p] (mp env p))
    (defn f [p] (mp env p))
    (fn [i p] [p (seq (concat (list 'nth) (list o) (list i)))])
    (fn [i p] x [p (seq (concat lll nth o ppppp qqqq))])
    (fn [i p] [p (seq (concat lll nth o ppppp qqqq))] x)
    (fn ([x] 1) [x y] 2)
    (fn 1 [x] yyyyyy)
    (defn [x] [y] zzzzzzz)
    (fn* [p1__1#] (foo (fn* [p1__2# p2__5#] (+ p1__1# p1__2#))))
    (fn* [p1__1#] (foo (fn f [p1__1#] p1__1#) (quote p1__1#) [p1__1# {p1__1# #{p1__1#}}]))
    (fn* ["s" 1] (foo "s" 1))
    (fn* [x y] (foo x y))
    (fn* [p1__1# & rest__2#] (foo p1__1# rest__2#))
    (fn* [& rest__2#] (foo rest__2#))
    (condp aaaaaaa bbbbbbbbb)
    (condp = x (when-first [8 11] p1__12# x11))
    (when-some [a b] xxxxxxxxxxxxxx yyyyyyyyyyyyy)
    (if-some [a b] xxxxxxxxxxxxxx yyyyyyyyyyyyy)
    (binding 38 nil 95 nil www)])
(doseq [f code
        w [12 20 30 40 45 50 68 72]]
  (binding [pp/*print-right-margin* w]
    (println "--" w)
    (pp/with-pprint-dispatch pp/code-dispatch (pp/pprint f))))
