;; A leaf native in tail position (TAILCALL) runs without a frame too; an error it
;; throws still names it in the trace, above the Clove frame that called it.
(defn through [g v] (g v 5))
(println (try (through subvec [1 2]) (catch IndexOutOfBoundsException _ :caught)))
(defn keep-going [m] (assoc m :n (inc (:n m))))
(println (keep-going {:n 1}))
(through subvec [1 2])
