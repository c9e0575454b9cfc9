;; cl-format's number directives (~D ~B ~O ~X ~R ~F ~E ~G ~$ ~A ~S) with many parameter
;; combinations over integers, ratios and floats, pseudo-random ones included; quirks
;; included (a float argument to ~R). An error prints as ERR.
;; labels: slow
(require '[clojure.pprint :refer [cl-format]])
(def state (atom 777))
(defn rnd [n] (swap! state #(mod (+ (* % 1103515245) 12345) 2147483648)) (mod (quot @state 65536) n))
(def nums (vec (concat [0 1 -1 7 10 99 100 101 123 999 1000 1234 -5678 1000000 123456789 0.0 1.0 -1.0 0.5 0.05 0.005 3.14159 2.5 -2.5 1.5e10 1.23e-7 99.999 0.999 1/3 -7/2 12345.678 1e100 9.5 0.15 1.005]
                       (for [_ (range 30)] (* (if (zero? (rnd 2)) 1 -1) (/ (rnd 100000) (inc (rnd 1000)) 1.0))))))
(def fmts ["~d" "~5d" "~:d" "~@d" "~,,'_,2:d" "~b" "~o" "~x" "~r" "~:r" "~@r" "~f" "~,1f" "~,2f" "~,3f" "~6,2f" "~8,3,,'*f" "~4,0f" "~,0f" "~@,2f" "~3,1f"
           "~e" "~,2e" "~10,3e" "~,3,1e" "~12,4,2,2e" "~,2,,-1e" "~9,2,,,'#e" "~g" "~,2g" "~10,3g" "~$" "~,3$" "~2,2,8$" "~@$" "~:@$" "~a" "~8a" "~8@a" "~s"])
(doseq [f fmts n nums]
  (let [r (try (cl-format nil f n) (catch Throwable e "ERR"))]
    (println f (pr-str n) "=>" (pr-str r))))
