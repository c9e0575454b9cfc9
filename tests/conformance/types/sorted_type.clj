;; A deftype implementing clojure.lang.Sorted (a sorted map of events keyed by time):
;; subseq and rsubseq call its seqFrom, seq, entryKey and comparator; sorted?, rseq.
(deftype Timeline [sm]                  ; sm: a sorted map, time -> event
  clojure.lang.Seqable
  (seq [_] (seq sm))
  clojure.lang.Counted
  (count [_] (count sm))
  clojure.lang.Reversible
  (rseq [_] (rseq sm))
  clojure.lang.Sorted
  (comparator [_] compare)
  (entryKey [_ entry] (key entry))
  (seq [_ ascending] (if ascending (seq sm) (rseq sm)))
  (seqFrom [_ k ascending] (if ascending (subseq sm >= k) (rsubseq sm <= k))))

(def t (Timeline. (sorted-map 10 :wake 12 :lunch 15 :meeting 18 :dinner 22 :sleep)))
(prn (sorted? t) (reversible? t) (count t) (seq t) (rseq t))
(prn (subseq t > 12) (subseq t >= 12) (subseq t < 15) (subseq t <= 15))
(prn (rsubseq t < 18) (rsubseq t <= 18) (rsubseq t > 15) (rsubseq t >= 15))
(prn (subseq t >= 11 < 18) (subseq t > 10 <= 22) (rsubseq t > 10 < 22) (rsubseq t >= 12 <= 18))
(prn (subseq t > 30) (rsubseq t < 5) (map val (subseq t >= 15)))
(prn (instance? clojure.lang.Sorted t) (sorted? (reify)) (sorted? (sorted-set 1)))
