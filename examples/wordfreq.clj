;; Word frequencies of an embedded text.
;;
;; Splits the text into lower-case words by walking its characters, counts each word
;; in a map, then prints the most frequent ones (ties keep first-appearance order).
;; Run: clove run examples/wordfreq.clj

(def text
  "It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was the
spring of hope, it was the winter of despair, we had everything before us, we had
nothing before us, we were all going direct to Heaven, we were all going direct
the other way.")

(def separators
  {\space true \newline true \tab true \, true \. true \; true \: true \! true \? true})

(def lower-case
  {\A \a \B \b \C \c \D \d \E \e \F \f \G \g \H \h \I \i \J \j \K \k \L \l \M \m
   \N \n \O \o \P \p \Q \q \R \r \S \s \T \t \U \u \V \v \W \w \X \x \Y \y \Z \z})

(defn words
  "The words of s, lower-cased, as a vector of strings."
  [s]
  (loop [i 0 word "" out []]
    (cond
      (= i (count s)) (if (= word "") out (conj out word))
      (get separators (nth s i)) (recur (+ i 1) "" (if (= word "") out (conj out word)))
      :else (let [ch (nth s i)]
              (recur (+ i 1) (str word (get lower-case ch ch)) out)))))

(defn tally
  "Returns [counts order]: a map word -> occurrences and the words in first-seen order."
  [ws]
  (loop [ws ws counts {} order []]
    (if (= 0 (count ws))
      [counts order]
      (let [w (first ws)
            seen (get counts w)]
        (recur (rest ws)
               (assoc counts w (+ 1 (get counts w 0)))
               (if seen order (conj order w)))))))

(defn insert-by-count
  "Inserts [word n] into the vector `sorted` (by descending n) after any equal n."
  [sorted entry]
  (loop [i 0 out []]
    (cond
      (= i (count sorted)) (conj out entry)
      (< (nth (nth sorted i) 1) (nth entry 1))
      (loop [j i out (conj out entry)]
        (if (= j (count sorted)) out (recur (+ j 1) (conj out (nth sorted j)))))
      :else (recur (+ i 1) (conj out (nth sorted i))))))

(defn by-frequency [counts order]
  (loop [i 0 sorted []]
    (if (= i (count order))
      sorted
      (let [w (nth order i)]
        (recur (+ i 1) (insert-by-count sorted [w (get counts w)]))))))

(defn pad [s width]
  (if (< (count s) width) (pad (str s " ") width) s))

(let [ws (words text)
      t (tally ws)
      counts (nth t 0)
      order (nth t 1)
      ranked (by-frequency counts order)
      shown (if (< (count ranked) 10) (count ranked) 10)]
  (println "Words:" (count ws) "distinct:" (count order))
  (println "Most frequent:")
  (loop [i 0]
    (when (< i shown)
      (let [entry (nth ranked i)]
        (println (str "  " (pad (first entry) 12) (nth entry 1))))
      (recur (+ i 1))))
  (println "Seen once:" (loop [i 0 n 0]
                          (if (= i (count ranked))
                            n
                            (recur (+ i 1) (if (= 1 (nth (nth ranked i) 1)) (+ n 1) n))))))
