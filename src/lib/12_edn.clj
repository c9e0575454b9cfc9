;; lazy-ns: clojure.edn
;; 12_edn.clj: the clojure.edn namespace (SPEC L17): reading data from strings with
;; caller-chosen tag readers, loaded by the first (require 'clojure.edn). It reads with
;; Clove's reader (runtime/data_readers.h), binding *data-readers* to the :readers
;; given, so the global *data-readers* never applies, as in clojure.lang.EdnReader.
;; Differences from EDN's stricter grammar are in docs/differences.md.

(ns clojure.edn
  "edn reading. This namespace provides alternatives to the reader functions of
  clojure.core that read only data: tagged literals go to the :readers and :default
  functions given, never to *data-readers*.")

(defn read-string
  "Reads one edn value from the string s, evaluating nothing; nil when s is nil or
  blank. Options in the map opts: :eof, the value to give at end of input (without it,
  end of input throws); :readers, a map from tag symbol to reader function, tried
  before default-data-readers (#inst, #uuid); :default, a function of tag and value
  called for a tag no reader handles."
  ([s] (read-string {:eof nil} s))
  ([opts s]
   (when s
     (binding [*data-readers* (or (:readers opts) {})
               *default-data-reader-fn* (:default opts)]
       (clojure.core/-edn-read-string (select-keys opts [:eof]) s)))))

(defn read
  "Reads one edn value from the reader stream (*in*, a StringReader,
  clojure.java.io/reader), leaving what follows it in the stream. opts as for
  read-string; without :eof, end of input throws RuntimeException \"EOF while reading\"."
  ([] (read *in*))
  ([stream] (read {} stream))
  ([opts stream]
   (binding [*data-readers* (or (:readers opts) {})
             *default-data-reader-fn* (:default opts)]
     (clojure.core/-read stream (not (contains? opts :eof)) (:eof opts) false true))))
