;; an #inst literal with a month out of range is a reader error
(prn #inst "2020-13-01")
