;; import and (ns (:import ...)): simple class names in the namespace.
(ns foo.bar (:import [java.io File StringWriter] (java.util UUID)))
(println (str (File. "a")) (instance? File (File. "b")) (instance? StringWriter (StringWriter.)))
(import '[java.io File])
(import 'java.io.StringWriter)
(import (java.util.regex Pattern))
(println (class (StringWriter.)) (instance? Pattern #"x") (= File java.io.File))
(println (.getName (File. "x/y")) (import 'java.io.File))
