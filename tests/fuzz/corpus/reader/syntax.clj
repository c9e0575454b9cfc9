; every kind of syntax the reader knows, once
(ns fuzz.seed (:require [clojure.string :as str]))
[1 -2 +3 0x1F 017 2r101 36rZZ 1N 1.5 1e10 1.5M 1/3 ##Inf ##-Inf ##NaN]
["s\t\n\"\\\u00e9" \a \newline \space \u00e9 \o101 :k ::k :a/b ::str/x 'sym ns/sym]
{:a 1 "b" [2] #{3} (4)} #{1 2} '() `(a ~b ~@c d#) @x ^:m y ^{:t 1} z #'v #(+ % %2 %&)
#"re(g)ex\d" #_ ignored #?(:clj 1 :cljs 2 :default 3) [#?@(:clj [4 5])] #:ns{:a 1 :_/b 2}
#inst "2020-01-01T00:00:00Z" #uuid "550e8400-e29b-41d4-a716-446655440000" #my/tag [1]
