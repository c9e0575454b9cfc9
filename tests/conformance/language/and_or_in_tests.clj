;; and, or, when, cond, let and do in an if's test: the compiler branches on them
;; directly (short-circuit as jumps). Every value, side effect and its order must stay.
(def log (atom []))
(defn t [x] (swap! log conj x) x)
(defn run [f & args] (reset! log []) [(apply f args) @log])

(defn f1 [a b c] (if (and (t a) (t b) (t c)) :yes :no))
(defn f2 [a b c] (if (or (t a) (t b) (t c)) :yes :no))
(defn f3 [a b c] (if (and (t a) (or (t b) (t c))) :yes :no))
(defn f4 [a b c] (if (or (and (t a) (t b)) (not (t c))) :yes :no))
(defn f5 [a b] (when (and a (let [x (t b)] (and x (pos? x)))) :when))
(defn f6 [a b] (cond (and (t a) (nil? b)) :one (or (t b) false) :two :else :three))
(defn f7 [a] (if (do (t :side) (and a (t a))) :yes :no))
(defn f8 [a b] (if (if (t a) (t b) (t :else)) :yes :no))
(defn f9 [a] (if (and a true) :yes :no))
(defn f10 [a] (if (or false nil a) :yes :no))
(doseq [a [nil false 0 1 :k] b [nil false -1 2] c [nil true]]
  (prn [a b c] (run f1 a b c) (run f2 a b c) (run f3 a b c) (run f4 a b c)))
(doseq [a [nil true] b [nil false -3 0 5 :k]]
  (prn [a b] (try (run f5 a b) (catch ClassCastException e :cce)) (run f6 a b) (run f7 a) (run f8 a b)
       (run f9 a) (run f10 b)))
;; Values of and/or outside tests are unchanged.
(prn (and 1 2 3) (and 1 nil 3) (and false nil) (or nil false) (or nil 0 1) (and) (or)
     (let [v (and (t 1) (t 2))] v) (map #(or % :d) [nil false 0]))
;; In loops: the test of a loop with and/or.
(prn (loop [i 0 acc []] (if (and (< i 10) (not= i 7)) (recur (inc i) (conj acc i)) [i acc])))
(prn (loop [i 0] (if (or (> i 5) (= i 3)) i (recur (inc i)))))
;; A test that throws.
(prn (try (if (and true (throw (ex-info "boom" {}))) 1 2) (catch Exception e (ex-message e))))
;; nil?, some? and not in tests (nil? and some? compile to a compare with nil).
(defn g [x] [(if (nil? x) :nil :val) (if (some? x) :some :none) (if (not (and x (t x))) :falsy :truthy)
             (nil? x) (some? x) (when-not (or (nil? x) (false? x)) :set)])
(doseq [x [nil false true 0 "" [] ##NaN]] (prn (run g x)))
(prn (map nil? [nil false 0]) (map some? [nil false 0]) (filter some? [1 nil 2 false]) (remove nil? [nil 1 nil]))
(prn (try (eval '(nil? 1 2)) (catch Exception e :arity)))
