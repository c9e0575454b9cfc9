;; A leaf native (subvec, assoc, +, ...) runs without a frame of its own; an error it
;; throws still names it in the trace, above the Clove frame that called it
;; (leaf_native_tail_trace: the same from a tail call).
(defn through [g v] (g v 5))
(println (try (through subvec [1 2]) (catch IndexOutOfBoundsException _ :caught)))
(println (reduce + [1 2 3]))
(defn add-all [xs] (apply + xs))
(println (try (add-all [1 :a]) (catch ClassCastException _ :cce)))
(defn through-let [g v] (let [r (g v 5)] r))  ; a CALL, not a tail call
(through-let subvec [1 2])
