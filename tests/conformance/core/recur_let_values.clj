;; loop/recur whose next values are let-bound and also used before the jump back: the
;; compiler computes such a value straight into its loop variable's register when
;; nothing after reads the old value. Every order of reads and writes must keep the
;; old values where they are still read.
(defn mandel [cr ci]
  (loop [i 0 zr 0.0 zi 0.0 tr 0.0 ti 0.0]
    (if (and (< i 50) (<= (+ tr ti) 4.0))
      (let [zi (+ (* 2.0 zr zi) ci)
            zr (+ (- tr ti) cr)]
        (recur (inc i) zr zi (* zr zr) (* zi zi)))
      [i (<= (+ tr ti) 4.0)])))
(prn (mandel -0.5 0.5) (mandel 0.3 0.6) (mandel -1.0 0.0))

;; the old value is read after the new one is defined (a swap through let)
(prn (loop [a 1 b 2 n 5 acc []]
       (if (pos? n)
         (let [a2 (+ a b) b2 a]
           (recur a2 b2 (dec n) (conj acc [a b])))
         acc)))

;; the new value is read by two recur arguments
(prn (loop [a 0 b 0 n 4 acc []]
       (if (pos? n)
         (let [c (inc a)] (recur c c (dec n) (conj acc [a b])))
         acc)))

;; the new value feeds a call before the jump (reduce's range loop shape)
(prn (loop [i 0 x 10 acc ()]
       (if (< i 4)
         (let [x (+ x 3)] (recur (inc i) x (cons (str x) acc)))
         [x acc])))

;; a closure captures the new value before the jump
(prn (map #(%) (loop [i 0 fs []]
                 (if (< i 3)
                   (let [j (* i 10) f (fn [] j)] (recur (inc i) (conj fs f)))
                   fs))))

;; the let value escapes through a throw in between
(prn (try
       (loop [i 0 s 0]
         (let [s2 (+ s i)]
           (when (= i 3) (throw (ex-info "stop" {:s s :s2 s2})))
           (recur (inc i) s2)))
       (catch Exception e (ex-data e))))

;; a fibonacci pair, each new value reading both old ones
(prn (loop [a 0 b 1 n 10]
       (if (zero? n) a (let [b2 (+ a b)] (recur b b2 (dec n))))))
