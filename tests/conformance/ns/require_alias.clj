;; require with :as, :refer, :refer :all, prefix lists; use with :only/:rename;
;; each namespace loads once; *ns* is restored after loading.
(ns require-alias
  (:require [nsfix.util :as u :refer [shout]]
            [nsfix.text-tools :refer :all]
            (nsfix [parts :as p] [plain])
            [clojure.string :as s])
  (:use [nsfix.util :only [whisper] :rename {whisper quiet}]))

(println (shout "hi") (u/shout "there") u/answer)
(println (exclaim-all ["a" "b"]) (pr-str sep))
(println (s/join "-" ["x" "y"]) p/main-part nsfix.plain/loaded-by)
(println (quiet "LOUD"))
(println (ns-name *ns*))
(require 'nsfix.util 'nsfix.text-tools)
(require '[nsfix.util :as again])
(println (again/shout "once"))
(println (u/call-hidden))
(println (sort (keys (ns-publics 'nsfix.util))))
(println (:doc (meta (the-ns 'nsfix.util))) (:author (meta (find-ns 'nsfix.util))))
(println (resolve 'shout) (resolve 'u/answer) (resolve 'nope))
(println (ns-resolve 'nsfix.util 'hidden))
(println (some? (find-ns 'nsfix.text-tools)) (find-ns 'nsfix.nothing))
(println (= (the-ns 'nsfix.util) (get (ns-aliases *ns*) 'u)))
