;; Conway's Game of Life on a small bounded board.
;;
;; The board is a vector of rows, each a vector of 0 (dead) and 1 (alive); cells
;; outside the board count as dead. Each generation a live cell with two or three
;; live neighbours survives, and a dead cell with exactly three comes alive.
;; Run: clove run examples/life.clj

(def glider-and-blinker
  [[0 1 0 0 0 0 0 0 0 0]
   [0 0 1 0 0 0 0 0 0 0]
   [1 1 1 0 0 0 0 0 0 0]
   [0 0 0 0 0 0 0 0 0 0]
   [0 0 0 0 0 0 0 0 0 0]
   [0 0 0 0 0 0 0 1 0 0]
   [0 0 0 0 0 0 0 1 0 0]
   [0 0 0 0 0 0 0 1 0 0]
   [0 0 0 0 0 0 0 0 0 0]
   [0 0 0 0 0 0 0 0 0 0]])

(defn cell
  "The cell at row r, column c: 1 when alive, 0 when dead or off the board."
  [board r c]
  (get (get board r) c 0))

(def offsets [[-1 -1] [-1 0] [-1 1] [0 -1] [0 1] [1 -1] [1 0] [1 1]])

(defn live-neighbours [board r c]
  (loop [i 0 total 0]
    (if (= i (count offsets))
      total
      (let [d (nth offsets i)]
        (recur (+ i 1) (+ total (cell board (+ r (first d)) (+ c (nth d 1)))))))))

(defn next-cell [board r c]
  (let [n (live-neighbours board r c)
        alive (= 1 (cell board r c))]
    (cond alive (if (= n 2) 1 (if (= n 3) 1 0))
          (= n 3) 1
          :else 0)))

(defn next-row [board r]
  (loop [c 0 row []]
    (if (= c (count (nth board r)))
      row
      (recur (+ c 1) (conj row (next-cell board r c))))))

(defn step [board]
  (loop [r 0 out []]
    (if (= r (count board))
      out
      (recur (+ r 1) (conj out (next-row board r))))))

(defn row->str [row]
  (loop [c 0 s ""]
    (if (= c (count row))
      s
      (recur (+ c 1) (str s (if (= 1 (nth row c)) "#" "."))))))

(defn population [board]
  (loop [r 0 c 0 total 0]
    (cond (= r (count board)) total
          (= c (count (nth board r))) (recur (+ r 1) 0 total)
          :else (recur r (+ c 1) (+ total (cell board r c))))))

(defn show [gen board]
  (println (str "Generation " gen " (population " (population board) ")"))
  (loop [r 0]
    (when (< r (count board))
      (println (row->str (nth board r)))
      (recur (+ r 1))))
  (println))

(defn run [board generations]
  (loop [gen 0 b board]
    (show gen b)
    (if (< gen generations)
      (recur (+ gen 1) (step b))
      b)))

(let [final (run glider-and-blinker 8)]
  (println "Final population:" (population final)))
