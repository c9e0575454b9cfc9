(ns nsfix.util
  "Small helpers for the ns conformance tests."
  {:author "clove"}
  (:require [clojure.string :as str]))

(println "loading nsfix.util")

(defn shout [s] (str (str/upper-case s) "!"))
(defn whisper [s] (str/lower-case s))
(def answer 42)
(defn- hidden [] :secret)
(def ^:private also-hidden 7)
(defn call-hidden [] (hidden))
