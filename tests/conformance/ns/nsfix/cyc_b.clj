(ns nsfix.cyc-b
  (:require [nsfix.cyc-a]))

(def b 2)
