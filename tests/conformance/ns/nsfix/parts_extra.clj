(in-ns 'nsfix.parts)

(def extra-part :extra)
