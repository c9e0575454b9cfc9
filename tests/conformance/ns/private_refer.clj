;; A private var cannot be referred into another namespace.
(require '[nsfix.util :refer [hidden]])
