;; 07_core_arrays.clj: clojure.core's array macros amap and areduce. The arrays
;; themselves and aget/aset/alength/aclone are natives (natives/core/arrays.cpp).

(defmacro amap
  "Builds a new array from array a, as map does for seqs: ret starts as a copy of a, and
  for each index idx the element ret[idx] is set to the value of expr, which can use a,
  idx and ret. Gives ret."
  [a idx ret expr]
  `(let [a# ~a
         l# (alength a#)
         ~ret (aclone a#)]
     (loop [~idx 0]
       (if (< ~idx l#)
         (do (aset ~ret ~idx ~expr)
             (recur (inc ~idx)))
         ~ret))))

(defmacro areduce
  "Folds array a into one value: ret starts as init, and for each index idx in order ret
  becomes the value of expr, which can use a, idx and ret. Gives the final ret."
  [a idx ret init expr]
  `(let [a# ~a
         l# (alength a#)]
     (loop [~idx 0 ~ret ~init]
       (if (< ~idx l#)
         (recur (inc ~idx) ~expr)
         ~ret))))
