;; nrepl_core_client.clj PORT: nREPL 1.0's own JVM client (nrepl.core: connect, client,
;; message, client-session) against a running `clove nrepl-server`. Prints one line per
;; check and "N passed, M failed"; exits 1 when anything failed.
;; Run: java -cp /usr/share/java/clojure.jar:/usr/share/java/nrepl.jar:... clojure.main THIS PORT
(require '[nrepl.core :as nrepl])

(def port (Integer/parseInt (first *command-line-args*)))
(def results (atom {:pass 0 :fail 0}))

(defn check [label ok detail]
  (swap! results update (if ok :pass :fail) inc)
  (println (if ok "ok  " "FAIL") label (if ok "" (pr-str detail))))

(with-open [conn (nrepl/connect :port port)]
  (let [client (nrepl/client conn 10000)
        msg (fn [m] (nrepl/combine-responses (nrepl/message client m)))
        d (msg {:op "describe"})]
    (check "describe ops" (every? (set (map name (keys (:ops d)))) ["eval" "clone" "interrupt" "completions"]) d)
    (check "describe nrepl version" (= 1 (get-in d [:versions :nrepl :major])) (:versions d))
    (check "eval value" (= [3] (nrepl/response-values (nrepl/message client {:op "eval" :code "(+ 1 2)"}))) nil)
    (let [r (msg {:op "eval" :code "(println \"hello\") (print :x) 42"})]
      (check "eval out" (= "hello\n:x" (:out r)) r)
      (check "eval values" (= ["nil" "nil" "42"] (:value r)) r)
      (check "eval done" (contains? (:status r) "done") r))
    (let [r (msg {:op "eval" :code "(/ 1 0)"})]
      (check "eval-error status" (contains? (:status r) "eval-error") r)
      (check "eval-error ex" (= "class java.lang.ArithmeticException" (:ex r)) r)
      (check "eval-error err" (re-find #"Divide by zero" (str (:err r))) r))
    ;; A session of its own: namespace, *1, dynamic bindings.
    (let [sid (nrepl/new-session client)
          session (nrepl/client-session client :session sid)
          smsg (fn [m] (nrepl/combine-responses (nrepl/message session m)))]
      (smsg {:op "eval" :code "(ns client.test) (def x 41)"})
      (let [r (smsg {:op "eval" :code "(inc x)"})]
        (check "session ns" (= "client.test" (:ns r)) r)
        (check "session value" (= ["42"] (:value r)) r))
      (check "session *1" (= ["42"] (:value (smsg {:op "eval" :code "*1"}))) nil)
      (check "ls-sessions" (some #{sid} (:sessions (msg {:op "ls-sessions"}))) nil)
      (let [r (smsg {:op "completions" :prefix "clojure.string/up" :ns "client.test"})]
        (check "completions" (= ["clojure.string/upper-case"] (map :candidate (:completions r))) r))
      (let [r (smsg {:op "info" :sym "x" :ns "client.test"})]
        (check "info" (and (= "client.test" (:ns r)) (= "x" (:name r))) r))
      (let [r (smsg {:op "lookup" :sym "map" :ns "client.test"})]
        (check "lookup" (= "([f] [f coll] [f c1 c2] [f c1 c2 c3] [f c1 c2 c3 & colls])"
                           (get-in r [:info :arglists-str])) r))
      ;; Interrupt a running eval, from a second connection: one nrepl.core client read
      ;; by two threads at once can miss a reply (each reads on from the newest head).
      (let [responses (future (doall (nrepl/message session {:op "eval" :code "(loop [] (recur))" :id "spin"})))]
        (Thread/sleep 500)
        (with-open [conn2 (nrepl/connect :port port)]
          (let [client2 (nrepl/client conn2 10000)
                r (nrepl/combine-responses
                   (nrepl/message client2 {:op "interrupt" :session sid :interrupt-id "spin"}))]
            (check "interrupt reply" (contains? (:status r) "done") r)))
        (let [r (nrepl/combine-responses (deref responses 10000 nil))]
          (check "interrupted" (contains? (:status r) "interrupted") r)))
      (check "eval after interrupt" (= ["2"] (:value (smsg {:op "eval" :code "(+ 1 1)"}))) nil)
      (let [r (smsg {:op "close"})]
        (check "close" (contains? (:status r) "session-closed") r)))
    (let [r (msg {:op "no-such-op"})]
      (check "unknown-op" (contains? (:status r) "unknown-op") r))))

(let [{:keys [pass fail]} @results]
  (println (str pass " passed, " fail " failed"))
  (shutdown-agents)
  (System/exit (if (zero? fail) 0 1)))
