;; a tag with no reader function is a reader error
(prn #foo [1 2])
