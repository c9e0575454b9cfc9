(ns nsfix.cyc-a
  (:require [nsfix.cyc-b]))

(def a 1)
