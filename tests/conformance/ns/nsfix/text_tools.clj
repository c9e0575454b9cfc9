(ns nsfix.text-tools
  (:require [nsfix.util :as u]))

(println "loading nsfix.text-tools")

(defn exclaim-all [words] (mapv u/shout words))
(def sep ", ")
