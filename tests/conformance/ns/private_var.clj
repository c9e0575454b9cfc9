;; A private var cannot be used, qualified, from another namespace.
(require 'nsfix.util)
(println (nsfix.util/hidden))
