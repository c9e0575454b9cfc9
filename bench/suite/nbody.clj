;; nbody: the Benchmarks Game n-body simulation of the Jovian planets (floating-point
;; arithmetic on a few small records), N steps of 0.01. Purely functional: each step
;; makes a new vector of body maps, applying the pairwise updates in the same order as
;; the imperative versions so that every language computes the same doubles.
;; Usage: clove run nbody.clj [N]   (default 200000); prints floor(1e9 * energy)
;; before and after the simulation.
(def pi 3.141592653589793)
(def solar-mass (* 4 pi pi))
(def days-per-year 365.24)

(defn body [x y z vx vy vz mass]
  {:x x :y y :z z
   :vx (* vx days-per-year) :vy (* vy days-per-year) :vz (* vz days-per-year)
   :mass (* mass solar-mass)})

(def initial-bodies
  [(body 0.0 0.0 0.0 0.0 0.0 0.0 1.0) ; the sun
   (body 4.84143144246472090e+00 -1.16032004402742839e+00 -1.03622044471123109e-01
         1.66007664274403694e-03 7.69901118419740425e-03 -6.90460016972063023e-05
         9.54791938424326609e-04) ; Jupiter
   (body 8.34336671824457987e+00 4.12479856412430479e+00 -4.03523417114321381e-01
         -2.76742510726862411e-03 4.99852801234917238e-03 2.30417297573763929e-05
         2.85885980666130812e-04) ; Saturn
   (body 1.28943695621391310e+01 -1.51111514016986312e+01 -2.23307578892655734e-01
         2.96460137564761618e-03 2.37847173959480950e-03 -2.96589568540237556e-05
         4.36624404335156298e-05) ; Uranus
   (body 1.53796971148509165e+01 -2.59193146099879641e+01 1.79258772950371181e-01
         2.68067772490389322e-03 1.62824170038242295e-03 -9.51592254519715870e-05
         5.15138902046611451e-05)]) ; Neptune

(def pairs
  (let [n (count initial-bodies)]
    (vec (for [i (range n) j (range (inc i) n)] [i j]))))

(defn offset-momentum [bodies]
  (let [[px py pz] (reduce (fn [[px py pz] {:keys [vx vy vz mass]}]
                             [(+ px (* vx mass)) (+ py (* vy mass)) (+ pz (* vz mass))])
                           [0.0 0.0 0.0] bodies)]
    (update bodies 0 assoc
            :vx (/ (- px) solar-mass) :vy (/ (- py) solar-mass) :vz (/ (- pz) solar-mass))))

(defn attract [dt bodies [i j]]
  (let [bi (bodies i)
        bj (bodies j)
        dx (- (:x bi) (:x bj))
        dy (- (:y bi) (:y bj))
        dz (- (:z bi) (:z bj))
        d2 (+ (* dx dx) (* dy dy) (* dz dz))
        mag (/ dt (* d2 (Math/sqrt d2)))
        mi (:mass bi)
        mj (:mass bj)]
    (assoc bodies
           i (assoc bi
                    :vx (- (:vx bi) (* dx mj mag))
                    :vy (- (:vy bi) (* dy mj mag))
                    :vz (- (:vz bi) (* dz mj mag)))
           j (assoc bj
                    :vx (+ (:vx bj) (* dx mi mag))
                    :vy (+ (:vy bj) (* dy mi mag))
                    :vz (+ (:vz bj) (* dz mi mag))))))

(defn advance [dt bodies]
  (mapv (fn [b]
          (assoc b
                 :x (+ (:x b) (* dt (:vx b)))
                 :y (+ (:y b) (* dt (:vy b)))
                 :z (+ (:z b) (* dt (:vz b)))))
        (reduce (partial attract dt) bodies pairs)))

(defn energy [bodies]
  (let [kinetic (fn [e {:keys [vx vy vz mass]}]
                  (+ e (* 0.5 mass (+ (* vx vx) (* vy vy) (* vz vz)))))
        potential (fn [e [i j]]
                    (let [bi (bodies i)
                          bj (bodies j)
                          dx (- (:x bi) (:x bj))
                          dy (- (:y bi) (:y bj))
                          dz (- (:z bi) (:z bj))]
                      (- e (/ (* (:mass bi) (:mass bj))
                              (Math/sqrt (+ (* dx dx) (* dy dy) (* dz dz)))))))]
    ;; The same order as the loops: body i's kinetic energy, then its pairs (i, j > i).
    (reduce (fn [e i]
              (reduce potential (kinetic e (bodies i)) (filter #(= i (first %)) pairs)))
            0.0 (range (count bodies)))))

(defn energy-checksum [bodies]
  (long (Math/floor (* (energy bodies) 1e9))))

(let [n (if-let [a (first *command-line-args*)] (parse-long a) 200000)
      bodies (offset-momentum initial-bodies)
      final (loop [i 0 bs bodies]
              (if (< i n) (recur (inc i) (advance 0.01 bs)) bs))]
  (println (energy-checksum bodies) (energy-checksum final)))
