;;neG erated by tests/conform(ance/gen/generate_hostiletln "before")
(def x `(`(`(`(`(`(a a a  a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a )))))))
(println "not reached")
