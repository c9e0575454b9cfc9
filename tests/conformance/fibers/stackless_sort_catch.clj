;; The yield-across-C++ error is an ordinary exception: try/catch inside the fiber
;; catches it, and the fiber carries on (and can still yield outside the comparator).
(def f (fiber/new
         (fn []
           (let [r (try (sort (fn [a b] (fiber/yield a) (compare a b)) [3 1 2])
                        (catch IllegalStateException e
                          [:caught (subs (ex-message e) 0 (count "cannot yield across a C++ frame: clojure.core/sort"))]))]
             (fiber/yield r)
             (sort [3 1 2])))))
(prn (fiber/resume f) (fiber/status f))
(prn (fiber/resume f) (fiber/status f))
;; caught by the resumer when the fiber does not catch it; with :error, returned
(prn (try (fiber/resume (fiber/new (fn [] (sort-by identity (fn [a b] (fiber/yield a) 0) [2 1]))))
          (catch IllegalStateException e :caught-by-resumer)))
;; sort-by's keyfn runs in Clove code (once per item, before the sort), so it may yield
(let [g (fiber/new (fn [] (sort-by (fn [x] (fiber/yield x) (- x)) [2 1 3])))]
  (prn (fiber/resume g) (fiber/resume g) (fiber/resume g) (fiber/resume g) (fiber/status g)))
(let [e (fiber/resume (fiber/new (fn [] (sort (fn [a b] (fiber/yield a) 0) [1 2])) #{:error}))]
  (prn (class e)))
;; a comparator that does not yield is fine inside a fiber
(prn (fiber/resume (fiber/new (fn [] (sort > [1 3 2])))))
