;; java.lang.Float, distinct from Double: what `float` gives, its class, equality and
;; hashing as the JVM's, printing as Float.toString, arithmetic in doubles.
(defmacro show [& forms]
  `(do ~@(for [f forms]
           `(println '~f "=>" (try (pr-str ~f)
                                   (catch Exception e# (str "threw " (.getSimpleName (class e#)))))))))

;; the type
(show (float 1.0) (class (float 1)) (type (float 1)) (float? (float 1.0)) (double? (float 1.0))
      (float? 1.0) (double? 1.0) (number? (float 1)) (rational? (float 1)) (integer? (float 1))
      (decimal? (float 1)) (ratio? (float 1))
      (instance? Float (float 1)) (instance? Number (float 1)) (instance? Double (float 1))
      (instance? Comparable (float 1)) (instance? Float 1.0))

;; float: range checks, NaN, conversions from every kind of number
(show (float 1) (float 1/3) (float 1N) (float 1M) (float (float 2)) (float ##NaN)
      (float 1e300) (float -1e300) (float ##Inf) (float ##-Inf) (float 3.5e38) (float 3.4028234e38)
      (float 1e-50) (float -1e-50) (float nil) (float "1") (float \a))
(show (unchecked-float 1) (class (unchecked-float 1)) (unchecked-float 1e300) (unchecked-float -1e300)
      (unchecked-float ##NaN) (unchecked-float 1/3) (unchecked-float 1e-50) (unchecked-float nil))

;; printing: Float.toString
(show (float 0.1) (float 1e10) (float 1e7) (float 9999999) (float 1e-3) (float 1e-4)
      (float 16777217) (float 33.3) (float 1.1) (float -0.0) (float 0) (float 100) (float 1234567.0)
      (float 1.4e-45) (float 1e-40) (float 3e-39) (float 2e-44) (float 1e-5) (float 9.999e-4))
(show (str (float 0.1)) (str "a" (float 1e-5)) (str [(float 0.1)]) (str (list (float 2)))
      (pr-str {:a (float 2.5)}) (print-str (float 1.5)) (with-out-str (print (float 2.5)))
      (println-str (float 123.25)) (keyword (str (float 1))))
(println (float 0.25) [(float 0.5)] #{(float 0.75)})
(prn (float 0.25) [(float 0.5)])

;; equality and hashing
(show (= (float 0.1) 0.1) (= (float 0.5) 0.5) (= (float 0.5) (float 0.5)) (= (float 1) 1)
      (= (float 1) 1.0) (= (float 0.5) 1/2) (= (float 0.5) 0.5M) (= [(float 1)] [1.0])
      (== (float 0.1) 0.1) (== (float 0.5) 0.5) (== (float 1) 1) (== (float 0.5) 1/2) (== (float 0.5) 0.5M)
      (= (float ##NaN) (float ##NaN)) (== (float ##NaN) ##NaN)
      (.equals (float 1) 1.0) (.equals (float 1) (float 1)))
(show (hash (float 0.1)) (hash (float 1.0)) (hash 1.0) (hash (float -0.0)) (hash (float 0.0))
      (hash (float ##NaN)) (hash (float 1.5)) (hash (float -2.5)) (hash (float 1e10))
      (.hashCode (float 0.1)) (.hashCode (float -0.0)) (hash [(float 1.0)]) (hash [1.0]))
(show (get {1.0 :a} (float 1)) (count (hash-set (float 0.1) 0.1)) (count (hash-set (float 1) 1.0))
      (contains? #{1.0} (float 1)))

;; arithmetic is in doubles
(show (+ (float 1) (float 2)) (class (+ (float 1) (float 2))) (class (+ (float 1) 2.0))
      (class (+ (float 1) 2)) (class (* (float 1) 2N)) (class (+ (float 1) 1/2)) (class (+ (float 1) 1M))
      (+ (float 0.1) 0) (* (float 0.1) 1) (- (float 0.5) 0.25) (/ (float 1) 2) (/ (float 1) 0)
      (class (inc (float 1))) (class (dec (float 1))) (- (float 1)) (class (- (float 1))) (- (float 0.0))
      (abs (float -1)) (class (abs (float -1))) (quot (float 7.5) 2) (rem (float 7.5) 2) (mod (float -7.5) 2)
      (class (quot (float 7) 2)) (+' (float 1) 1) (*' (float 2) 2) (class (inc' (float 1)))
      (-' (float 1)) (unchecked-add (float 1) 1) (class (unchecked-inc (float 1)))
      (unchecked-negate (float 1)) (bit-and (float 1) 1) (even? (float 2)))
(show (max (float 1) 2) (class (max (float 1) 2)) (max (float 3) 2)
      (min (float 1) 2) (max (float 1) (float ##NaN)) (zero? (float 0)) (zero? (float -0.0))
      (pos? (float 1)) (neg? (float -1)) (NaN? (float ##NaN)) (infinite? (unchecked-float 1e300))
      (infinite? (float 1)))

;; comparison and sorting
(show (< (float 1) 2) (<= (float 2) 2N) (> (float 2) 1/2) (< (float 0.1) 0.1) (> (float 0.1) 0.1)
      (compare (float 1) 2) (compare (float 1.5) 1.5) (compare 1.5 (float 1.5)) (compare (float 2) (float 1))
      (compare (float ##NaN) 1) (.compareTo (float 1) (float 2))
      (sort [(float 2) 1 3.0 (float 0.5)]) (sort > [(float 1) 2 (float 3)])
      (sorted-set (float 2) 1.0 (float 1)))

;; conversions out of a Float
(show (int (float 2.7)) (long (float 2.7)) (long (float -2.7)) (double (float 0.1))
      (class (double (float 0.1))) (double (float 1.1)) (float (double (float 1.1)))
      (rationalize (float 0.1)) (bigdec (float 0.1)) (bigint (float 2.5))
      (num (float 1)) (class (num (float 1))) (char (float 97)) (byte (float 1.5)) (short (float -1.5))
      (unchecked-long (float 2.5)) (unchecked-int (float -2.5)) (unchecked-long (float ##NaN))
      (.doubleValue (float 0.1)) (.intValue (float 1.5)) (.longValue (float 1.5)) (.floatValue 1.5)
      (class (.floatValue 1.5)) (.floatValue (float 2)) (.isNaN (float 1)) (.isNaN (float ##NaN))
      (.isInfinite (unchecked-float 1e39)))

;; format
(show (format "%f" (float 0.1)) (format "%.3f" (float 0.1)) (format "%s" (float 0.1))
      (format "%e" (float 0.1)) (format "%.2f" (float 1.005)) (format "%10.4f" (float 3.14159))
      (format "%.10f" (float 0.1)) (format "%g" (float 0.1)) (format "%d" (float 1)))

;; Math's float overloads
(show (Math/abs (float -1)) (class (Math/abs (float -1))) (Math/round (float 1.5)) (Math/round (float -2.5))
      (Math/round (float 1e20)) (Math/signum (float -2)) (class (Math/signum (float -2)))
      (Math/sqrt (float 4)) (class (Math/sqrt (float 4))) (Math/max (float 1) (float 2))
      (class (Math/max (float 1) (float 2))) (Math/min (float 1) (float 2))
      (Math/ulp (float 1)) (Math/nextUp (float 1)) (Math/copySign (float 1) (float -2))
      (Math/getExponent (float 8)) (Math/floor (float 1.5)))

;; float arrays hold Floats
(show (vec (float-array [0.1 2])) (class (aget (float-array [0.1]) 0)) (aget (float-array [0.1]) 0)
      (let [a (float-array 2)] (aset a 0 (float 0.5)) (vec a))
      (let [a (float-array 2)] (aset a 0 0.5) (vec a))
      (let [a (float-array 2)] (aset-float a 0 0.5) (vec a))
      (vec (double-array [(float 0.1)])) (vec (int-array [(float 1.5)])) (vec (long-array [(float 2.5)]))
      (into [] (map float) [1 2]) (class (first (into-array [(float 1)])))
      (seq (float-array [1.5 (float 2.5)])) (reduce + (float-array [0.5 0.25])))

;; the reader never makes a Float
(show (class (read-string "1.5")) (class 1.5) (class 1.5e0) (meta (float 1)) (with-meta (float 1) {}))

;; bad arguments: nil is Java's NullPointerException from the Number method each cast calls
(doseq [f [float unchecked-float]]
  (println (try (f nil) (catch Exception e (str (.getSimpleName (class e)) ": " (ex-message e)))))
  (println (try (f "1") (catch Exception e (.getSimpleName (class e))))))
