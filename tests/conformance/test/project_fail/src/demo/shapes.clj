(ns demo.shapes)

(defn area [{:keys [w h]}] (* w h))
(defn perimeter [{:keys [w h]}] (* 2 (+ w w)))
