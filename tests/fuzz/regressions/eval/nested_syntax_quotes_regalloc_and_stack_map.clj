;;neG erated by tests/conformance/gen/generate_hostiletln "before")
(def x `(`-`(`(`(`(a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a class a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a )))))))
(println "not reached")
