(ns nsfix.parts)

(def main-part :main)
(load "parts_extra")
