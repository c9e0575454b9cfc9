;; parse-uuid reads what java.util.UUID/fromString reads: five hex groups of any length
;; (each fitting its field's bits once truncated), at most 36 characters; else nil.
(doseq [s ["1-2-3-4-5" "00000000-0000-0000-0000-000000000001" "ABCDEF00-0000-0000-0000-000000000001"
           "1-2-3-4-5-6" "1-2-3-4" "-2-3-4-5" "g-2-3-4-5" "123456789-2-3-4-5" "1-12345-3-4-5"
           "00000000-0000-0000-0000-0000000000011" "" "x" "+1-2-3-4-5" "1-2-3-4-+5"
           "00000000-0000-0000-0000-00000000000g" "0000000000000-0-0-0-0"]]
  (prn s (parse-uuid s)))
(prn (try (parse-uuid 1) (catch ClassCastException e :cce)))
(prn (try (parse-uuid nil) (catch NullPointerException e :npe)))
