;; a #uuid literal whose text is not a UUID is a reader error
(prn #uuid "not-a-uuid")
