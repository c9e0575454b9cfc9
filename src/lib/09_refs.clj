;; 09_refs.clj: promises, futures, pmap, agents and refs (SPEC E8, L10; issue 18) on
;; one thread. Until isolates give Clove threads, a future runs on a fiber (SPEC V8) and
;; a scheduler here interleaves those fibers cooperatively:
;; - `future` starts its body at once, on a new fiber, and runs it until it ends or
;;   blocks (derefs a promise or future that has no value yet); a blocked future's
;;   fiber is suspended and queued.
;; - Whoever blocks outside a future's own fiber (the main program, a generator) runs
;;   the queued fibers, oldest first, until the value it waits for is there. When none
;;   of them can make progress the wait can never end: a deref without a timeout throws
;;   IllegalStateException (where the JVM would hang), one with a timeout returns the
;;   timeout value at once.
;; - Agents run each action as soon as it is sent, unless an action of the same agent
;;   is running (then it is queued, as are the sends made during an action, which go
;;   out when the action ends, as in Clojure).
;; - Refs and dosync: with one thread no transaction ever conflicts, so a transaction
;;   runs once, and ref-set/alter/commute outside one throw as in Clojure.
;; docs/differences.md ("Concurrency") lists what a program can observe differently.

;; ---- the scheduler ----

(def ^:private -runnable
  "The futures whose fibers are suspended (blocked or not yet finished), oldest first."
  (volatile! clojure.lang.PersistentQueue/EMPTY))

(def ^:private -progress
  "Counts the events that may unblock a waiter: a delivery, a future ending, an agent
  action ending. A full pass over -runnable that changes it not is a deadlock."
  (volatile! 0))

(defn- -progressed! [] (vswap! -progress inc))

(defprotocol ^:private -Blocking
  "A reference whose value may not be there yet: promises and futures."
  (-blocking-deref [r ms timeout-val] "The value; if it can never come, timeout-val
  when ms is a number, else IllegalStateException.")
  (-blocking-realized? [r] "True once a value (or an exception) is there.")
  (-state [r] "The map Clojure prints an IDeref with: {:status :ready|:pending|:failed,
  :val v}."))

(defn- -deref-as-map
  "The {:status :val} map that a promise, future, agent or ref prints with
  (runtime/lang/record.cpp, print_opaque), or nil for another value."
  [r]
  (when (satisfies? -Blocking r) (-state r)))

(defn- -not-a [r iface]
  (throw (ClassCastException. (str (class r) " cannot be cast to class " iface))))

(defn- -deref-blocking
  "clojure.core/deref of a deftype instance that does not implement clojure.lang.IDeref
  itself: a promise, future, agent or ref (natives/core/state.cpp calls it)."
  ([r] (if (satisfies? -Blocking r) (-blocking-deref r nil nil) (-not-a r "java.util.concurrent.Future")))
  ([r ms timeout-val]
   (when-not (satisfies? -Blocking r) (-not-a r "clojure.lang.IBlockingDeref"))
   (when-not (number? ms)
     (throw (ClassCastException. (str (class ms) " cannot be cast to class java.lang.Number"))))
   (-blocking-deref r ms timeout-val)))

(defn- -realized-blocking
  "clojure.core/realized? of a deftype instance without clojure.lang.IPending: a
  promise or future (natives/core/seq.cpp calls it)."
  [r]
  (if (satisfies? -Blocking r) (-blocking-realized? r) (-not-a r "clojure.lang.IPending")))

(declare -step-future)

(defn- -wait-until
  "Waits until (done?) is true; returns true, or false when no queued future can make
  progress any more. On a future's own fiber (own-fiber? true) it suspends the fiber
  instead, to be resumed by whoever runs the queue."
  [done? own-fiber?]
  (loop [idle 0]
    (cond
      (done?) true
      own-fiber? (do (clove.fiber/yield ::blocked) (recur 0))
      :else
      (let [q @-runnable]
        (if (or (empty? q) (> idle (count q)))
          false
          (let [before @-progress]
            (vreset! -runnable (pop q))
            (-step-future (peek q))
            (recur (if (== before @-progress) (inc idle) 0))))))))

(def ^:private -running
  "The fiber of the future being run by -step-future, or nil."
  (volatile! nil))

(defn- -block
  "Blocks until (done?) for a deref of a `what` (\"future\" or \"promise\"): returns
  :ok, or :timeout after which the caller returns its timeout value (ms given), or
  throws (no ms)."
  [what done? ms]
  (let [fib @-running]
    (if (-wait-until done? (and fib (identical? fib (clove.fiber/current))))
      :ok
      (if (number? ms)
        :timeout
        (throw (IllegalStateException.
                (str "Deadlock: deref of a " what
                     " that no running future can deliver (Clove runs futures on fibers of one thread)")))))))

;; ---- promises ----

(deftype Promise [cell]
  ;; cell: a volatile holding ::none until delivered
  -Blocking
  (-blocking-deref [this ms timeout-val]
    (if (identical? ::none @cell)
      (if (= :ok (-block "promise" #(not (identical? ::none @cell)) ms)) @cell timeout-val)
      @cell))
  (-blocking-realized? [this] (not (identical? ::none @cell)))
  (-state [this]
    (let [v @cell]
      (if (identical? ::none v) {:status :pending, :val nil} {:status :ready, :val v}))))

(defn promise
  "Makes an empty promise: a reference that can be given a value once, with deliver, and
  read with deref or @ any number of times. A deref before delivery waits (or, with a
  timeout, gives up after ms and returns the timeout value); realized? tells whether it
  has a value yet. In Clove a blocked deref runs the pending futures (one thread,
  fibers); when none can deliver, a deref without a timeout throws
  IllegalStateException instead of hanging."
  {:added "1.1"}
  []
  (->Promise (volatile! ::none)))

(defn deliver
  "Gives promise p its value val and wakes whatever is waiting to deref it. Only the
  first delivery counts: it returns the promise, and later deliveries change nothing
  and return nil."
  {:added "1.1"}
  [^Promise promise val]
  (let [cell (.-cell promise)]
    (when (identical? ::none @cell)
      (vreset! cell val)
      (-progressed!)
      promise)))

;; ---- futures ----

(deftype Future [fib state]
  ;; state: a volatile holding [status value], status :pending :done :failed :cancelled
  -Blocking
  (-blocking-deref [this ms timeout-val]
    (when (= :pending (first @state))
      (-block "future" #(not= :pending (first @state)) ms))
    (let [[status v] @state]
      (case status
        :done v
        :failed (throw (java.util.concurrent.ExecutionException. (str v) v))
        :cancelled (throw (java.util.concurrent.CancellationException.))
        :pending timeout-val)))
  (-blocking-realized? [this] (not= :pending (first @state)))
  (-state [this]
    (let [[status v] @state]
      {:status (case status :pending :pending :failed :failed :ready)
       :val (when (= :done status) v)})))

(defn- -step-future
  "Resumes future fut's fiber once; records its result when it ends, queues it again
  when it blocks."
  [^Future fut]
  (let [state (.-state fut)
        fib (.-fib fut)]
    (when (and (= :pending (first @state)) (#{:new :pending} (clove.fiber/status fib)))
      (let [outer @-running
            v (try (vreset! -running fib)
                   (clove.fiber/resume fib)
                   (finally (vreset! -running outer)))]
        (case (clove.fiber/status fib)
          :dead (do (vreset! state [:done v]) (-progressed!))
          :error (do (vreset! state [:failed v]) (-progressed!))
          (vswap! -runnable conj fut))))
    nil))

(defn future-call
  "Starts running the no-argument function f as a future and returns the future at once.
  deref gives f's value (or throws its exception) and keeps giving the same one; a
  deref while f is still running waits, or gives up after ms with the timeout-value
  arity. In Clove the function runs at once on a new fiber until it ends or blocks on a
  promise or future; the dynamic bindings in effect here are conveyed to it."
  {:added "1.1"}
  [f]
  (let [body (bound-fn* f)
        state (volatile! [:pending nil])
        fib (clove.fiber/new (fn [] (body)) #{:error})
        fut (->Future fib state)]
    (-step-future fut)
    fut))

(defmacro future
  "Returns a future that runs body and keeps its value (or exception) for every deref. A
  deref before the body has ended waits for it; (deref f ms timeout-val) waits at most
  ms milliseconds. In Clove the body runs at once on a fiber of the same thread
  (future-call) until it ends or waits for another future or promise."
  {:added "1.1"}
  [& body] `(future-call (fn [] ~@body)))

(defn future?
  "True when x is a future (made by future or future-call), false otherwise."
  {:added "1.1"}
  [x] (instance? Future x))

(defn future-done?
  "True once future f has stopped running, whether it finished, threw or was cancelled."
  {:added "1.1"}
  [^Future f] (not= :pending (first @(.-state f))))

(defn future-cancel
  "Tries to stop future f. Gives true when it was cancelled (it had not ended yet),
  false otherwise. In Clove a future blocked in a deref is cancelled where it stands;
  the running one (whose fiber is on the stack) cannot be."
  {:added "1.1"}
  [^Future f]
  (let [state (.-state f)]
    (if (and (= :pending (first @state)) (not= :alive (clove.fiber/status (.-fib f))))
      (do (vreset! state [:cancelled nil]) (-progressed!) true)
      false)))

(defn future-cancelled?
  "True when future f was stopped with future-cancel."
  {:added "1.1"}
  [^Future f] (= :cancelled (first @(.-state f))))

;; ---- pmap, pcalls, pvalues ----

(defn pmap
  "A lazy seq of (f x) for each x of coll (or of f applied to the first items of
  every coll, then the second ones, ... while none has run out), each computed as a
  future. The futures run a few items ahead of the ones consumed, so for an f
  expensive enough to pay for a future the work overlaps. In Clove futures are fibers
  of one thread, so pmap computes what map computes, in a different order."
  {:added "1.0"}
  ([f coll]
   (let [lead 4
         futures (map (fn [x] (future (f x))) coll)
         emit (fn emit [fs ahead]
                (lazy-seq
                 (when-let [s (seq fs)]
                   (seq ahead)  ; starts the future lead places further on
                   (cons (deref (first s)) (emit (rest s) (rest ahead))))))]
     (emit futures (drop lead futures))))
  ([f coll & colls]
   (pmap (fn [args] (apply f args)) (apply map vector coll colls))))

(defn pcalls
  "A lazy seq of the values of calling each of fns with no arguments, computed as pmap
  computes its items."
  {:added "1.0"}
  [& fns] (pmap (fn [g] (g)) fns))

(defmacro pvalues
  "A lazy seq of the values of exprs, each evaluated as a future (see pcalls)."
  {:added "1.0"}
  [& exprs]
  `(pcalls ~@(for [e exprs] `(fn [] ~e))))

;; ---- watches and validators on agents and refs ----

;; aux: a volatile map {:validator f, :watches {key f}, :meta m} shared by agents and refs.
(defprotocol ^:private -Watchable
  (-aux [r] "The reference's volatile map of validator, watches and metadata."))

(defn- -validate [aux v]
  (when-let [vf (:validator @aux)]
    (let [ok (try (vf v)
                  (catch Exception e (throw (IllegalStateException. "Invalid reference state" e))))]
      (when-not ok (throw (IllegalStateException. "Invalid reference state"))))))

(defn- -notify-watches [r old new]
  (doseq [[k f] (:watches @(-aux r))]
    (f k r old new)))

(let [native-add-watch add-watch
      native-remove-watch remove-watch
      native-set-validator! set-validator!
      native-get-validator get-validator]
  (defn add-watch
    "Registers f, under key, to be told about changes of the atom, var, agent or ref
  reference. After each change f is called as (f key reference old-state new-state),
  right away on the thread that made the change; read the states from those arguments
  rather than by dereferencing, since the reference may have moved on. For a var only
  changes of the root binding count. Adding a watch with a key already in use replaces
  it; the key is what remove-watch takes. Returns the reference."
    {:added "1.0"}
    [reference key f]
    (if (satisfies? -Watchable reference)
      (do (vswap! (-aux reference) assoc-in [:watches key] f) reference)
      (native-add-watch reference key f)))
  (defn remove-watch
    "Unregisters the watch that add-watch put on reference under key; an unknown key is
  ignored."
    {:added "1.0"}
    [reference key]
    (if (satisfies? -Watchable reference)
      (do (vswap! (-aux reference) update :watches dissoc key) reference)
      (native-remove-watch reference key)))
  (defn set-validator!
    "Installs validator-fn (or removes it, with nil) as the check every new state of the
  atom, var, agent or ref must pass. The function gets the proposed state and must
  return a truthy value; a falsy result or an exception rejects the change with an
  IllegalStateException. The current state is checked first, and the validator is not
  installed if it fails. Returns nil."
    {:added "1.0"}
    [iref validator-fn]
    (if (satisfies? -Watchable iref)
      (do (when validator-fn
            (-validate (volatile! {:validator validator-fn}) @iref))
          (vswap! (-aux iref) assoc :validator validator-fn)
          nil)
      (native-set-validator! iref validator-fn)))
  (defn get-validator
    "The validator function of the atom, var, agent or ref, or nil when it has none."
    {:added "1.0"}
    [iref]
    (if (satisfies? -Watchable iref)
      (:validator @(-aux iref))
      (native-get-validator iref))))

;; ---- agents ----

(def ^:dynamic *agent*
  "The agent whose action is running on this thread, else nil."
  nil)

(declare -dispatch)

(def ^:private -in-transaction
  "The running transaction, a volatile map {ref new-value}, or nil."
  (volatile! nil))

(defn -transaction-running?
  "True while a dosync body runs (io! asks)."
  [] (boolean @-in-transaction))

(def ^:private -held-sends
  "While an agent action or a transaction runs: a volatile vector of the sends it made
  ([agent f args] each), dispatched when it ends. nil otherwise."
  (volatile! nil))

(deftype Agent [state queue aux]
  ;; state: volatile value; queue: volatile PersistentQueue of [f args];
  ;; aux: volatile map, -Watchable's plus :error :handler :mode :running
  -Blocking
  (-blocking-deref [this ms timeout-val]
    (when ms
      (throw (ClassCastException. "class clojure.lang.Agent cannot be cast to class clojure.lang.IBlockingDeref")))
    @state)
  (-blocking-realized? [this]
    (throw (ClassCastException. "class clojure.lang.Agent cannot be cast to class clojure.lang.IPending")))
  (-state [this] {:status (if (:error @aux) :failed :ready), :val @state})
  -Watchable
  (-aux [this] aux))

(defn agent
  "Makes an agent holding state. Options, as keyword and value pairs: :meta (metadata
  map), :validator (a function that checks every new state, as with set-validator!),
  :error-handler (called with the agent and the exception when an action fails) and
  :error-mode, :continue or :fail, which defaults to :continue when a handler is given
  and to :fail otherwise. Throws when state itself fails the validator. In Clove an
  action runs as soon as it is sent (docs/differences.md)."
  {:added "1.0"}
  [state & options]
  (let [{:keys [meta validator error-handler error-mode]} (apply hash-map options)
        aux (volatile! {:validator validator :watches {} :meta meta :handler error-handler
                        :mode (or error-mode (if error-handler :continue :fail))})]
    (-validate aux state)
    (->Agent (volatile! state) (volatile! clojure.lang.PersistentQueue/EMPTY) aux)))

(defn- -run-agent
  "Runs agent a's queued actions, one at a time, until the queue is empty or the agent
  fails."
  [^Agent a]
  (let [aux (.-aux a) queue (.-queue a) state (.-state a)]
    (when-not (or (:running @aux) (:error @aux))
      (vswap! aux assoc :running true)
      (try
        (loop []
          (when-let [[f args] (when-not (:error @aux) (peek @queue))]
            (vswap! queue pop)
            (let [outer @-held-sends
                  held (volatile! [])]
              (vreset! -held-sends held)
              (let [err (try
                          (let [old @state
                                new (binding [*agent* a] (apply f old args))]
                            (-validate aux new)
                            (vreset! state new)
                            (-notify-watches a old new)
                            nil)
                          (catch Throwable e e)
                          (finally (vreset! -held-sends outer)))]
                (-progressed!)
                (if err
                  (do (when (= :fail (:mode @aux)) (vswap! aux assoc :error err))
                      (when-let [h (:handler @aux)] (try (h a err) (catch Throwable _ nil))))
                  (doseq [[ag g gargs] @held] (-dispatch ag g gargs)))))
            (recur)))
        (finally (vswap! aux assoc :running false))))))

(defn- -dispatch
  "Sends (f state args) to agent a: held while an action or transaction runs, else
  queued and run now unless a's actions are running already."
  [^Agent a f args]
  (when-let [err (:error @(.-aux a))]
    (throw (RuntimeException. "Agent is failed, needs restart" err)))
  (if-let [held @-held-sends]
    (vswap! held conj [a f args])
    (do (vswap! (.-queue a) conj [f args])
        (-run-agent a)))
  a)

(defn send
  "Queues the action f for agent a and returns a: the agent's new state will be (apply f
  state args). Throws when the agent has failed. In Clove the action runs at once on
  this thread (after the running action, when sent from one)."
  {:added "1.0"}
  [^Agent a f & args]
  (-dispatch a f args))

(defn send-off
  "Queues the action f for agent a, like send but meant for actions that block; the new
  state will be (apply f state args). Returns a. In Clove, as send."
  {:added "1.0"}
  [^Agent a f & args]
  (-dispatch a f args))

(defn send-via
  "Queues the action f for agent a to run on the given executor; the new state will be
  (apply f state args). Returns a. In Clove the executor is not used: as send."
  {:added "1.5"}
  [executor ^Agent a f & args]
  (-dispatch a f args))

(defn release-pending-sends
  "Sends made inside an agent action are normally held back until the action ends;
  called from within an action, this dispatches them right away and returns how many
  there were. Sends held by a transaction still wait for the commit. Outside an action
  it does nothing and returns 0."
  {:added "1.0"}
  []
  (if-let [held (when *agent* @-held-sends)]
    (let [sends @held]
      (vreset! held [])
      (let [outer @-held-sends]
        (vreset! -held-sends nil)
        (try (doseq [[ag g gargs] sends] (-dispatch ag g gargs))
             (finally (vreset! -held-sends outer))))
      (count sends))
    0))

(defn- -agent-idle? [^Agent a]
  (let [aux @(.-aux a)]
    (or (:error aux) (and (not (:running aux)) (empty? @(.-queue a))))))

(defn- -await
  "await and await-for: sends each agent an action that leaves its state as it is (so,
  as in Clojure, its watches see it), then runs the futures until every agent has run
  all its actions. Returns false when that can never happen (an action waits for a
  value no future can deliver) and ms is given; throws then otherwise."
  [agents ms]
  (when *agent* (throw (Exception. "Can't await in agent action")))
  (when (-transaction-running?) (throw (IllegalStateException. "await in transaction")))
  (doseq [a agents] (-dispatch a identity nil))
  (or (-wait-until #(every? -agent-idle? agents) false)
      (if ms
        false
        (throw (IllegalStateException.
                "Deadlock: await on an agent whose action waits for a value no future can deliver")))))

(defn await
  "Waits until every action sent so far (from this thread or agent) to the given agents
  has run, and returns nil. Throws when called inside an agent action or a transaction,
  or when an agent has failed. In Clove it also throws when the actions can never
  finish, instead of waiting forever."
  {:added "1.0"}
  [& agents]
  (-await agents nil)
  nil)

(defn await-for
  "Like await, but waits at most timeout-ms milliseconds: a truthy result means all the
  actions ran, a falsy one that the time ran out (in Clove, also that they can never
  finish)."
  {:added "1.0"}
  [timeout-ms & agents]
  (-await agents timeout-ms))

(defn await1 [^Agent a]
  (when-not (-agent-idle? a) (await a))
  a)

(defn agent-error
  "The exception that put agent a into the failed state, or nil when a has not failed."
  {:added "1.2"}
  [^Agent a] (:error @(.-aux a)))

(defn agent-errors
  "Deprecated; agent-error replaces it. A seq of the exceptions from the agent's failed
  actions, or nil when there are none."
  {:added "1.0" :deprecated "1.2"}
  [a]
  (when-let [e (agent-error a)] (list e)))

(defn restart-agent
  "Brings the failed agent a back to work: new-state replaces its state and it takes
  sends again. With the option :clear-actions true the actions held while it was failed
  are dropped; otherwise they run now. new-state has to satisfy the validator, or
  restart throws and the agent stays failed. Watches are not called for this change.
  Throws when the agent has not failed. Returns new-state."
  {:added "1.2"}
  [^Agent a new-state & options]
  (let [{:keys [clear-actions]} (apply hash-map options)
        aux (.-aux a)]
    (when-not (:error @aux) (throw (RuntimeException. "Agent does not need a restart")))
    (-validate aux new-state)
    (vreset! (.-state a) new-state)
    (when clear-actions (vreset! (.-queue a) clojure.lang.PersistentQueue/EMPTY))
    (vswap! aux assoc :error nil)
    (-run-agent a)
    new-state))

(defn clear-agent-errors
  "Deprecated; restart-agent replaces it. Forgets the agent's errors so that it accepts
  actions again, keeping its current state."
  {:added "1.0" :deprecated "1.2"}
  [^Agent a] (restart-agent a @a))

(defn set-error-handler!
  "Makes handler-fn the function that agent a calls, with the agent and the exception,
  whenever one of its actions throws or produces a state the validator rejects."
  {:added "1.2"}
  [^Agent a handler-fn] (vswap! (.-aux a) assoc :handler handler-fn) nil)

(defn error-handler
  "The function agent a calls when an action fails (see set-error-handler!), or nil when
  it has none."
  {:added "1.2"}
  [^Agent a] (:handler @(.-aux a)))

(defn set-error-mode!
  "Chooses what agent a does after an action throws or fails validation (and after the
  error handler, if any, has run). :continue goes on as if the action had never been
  sent. :fail puts the agent in the failed state: deref still gives the last good
  state, but send throws and queued actions wait until restart-agent."
  {:added "1.2"}
  [^Agent a mode-keyword] (vswap! (.-aux a) assoc :mode mode-keyword) nil)

(defn error-mode
  "The error mode of agent a, :continue or :fail; see set-error-mode!."
  {:added "1.2"}
  [^Agent a] (:mode @(.-aux a)))

(defn shutdown-agents
  "Tells the thread pools behind agents to stop taking new work once running actions
  finish. In Clove there are no pools: it does nothing."
  {:added "1.0"}
  [] nil)

(defn set-agent-send-executor!
  "Chooses the executor service that send uses. Clove has no executors: it does nothing."
  {:added "1.5"}
  [executor] nil)

(defn set-agent-send-off-executor!
  "Chooses the executor service that send-off uses. Clove has no executors: it does
  nothing."
  {:added "1.5"}
  [executor] nil)

;; ---- refs and transactions ----

(deftype Ref [state aux]
  ;; state: volatile committed value; aux: volatile map, -Watchable's plus
  ;; :min-history :max-history
  -Blocking
  (-blocking-deref [this ms timeout-val]
    (when ms
      (throw (ClassCastException. "class clojure.lang.Ref cannot be cast to class clojure.lang.IBlockingDeref")))
    (if-let [tx @-in-transaction]
      (get @tx this @state)
      @state))
  (-blocking-realized? [this]
    (throw (ClassCastException. "class clojure.lang.Ref cannot be cast to class clojure.lang.IPending")))
  (-state [this] {:status :ready, :val @state})
  -Watchable
  (-aux [this] aux))

(defn ref
  "Makes a ref, a reference changed only inside transactions, holding x. Options, as
  keyword and value pairs: :meta (metadata map), :validator (a function that checks
  every new state when the transaction commits, as with set-validator!), and
  :min-history and :max-history (defaults 0 and 10), which bound how many old values
  the ref keeps for readers. Throws when x fails the validator."
  {:added "1.0"}
  [x & options]
  (let [{:keys [meta validator min-history max-history]} (apply hash-map options)
        aux (volatile! {:validator validator :watches {} :meta meta
                        :min-history (or min-history 0) :max-history (or max-history 10)})]
    (-validate aux x)
    (->Ref (volatile! x) aux)))

(defn- -tx []
  (or @-in-transaction (throw (IllegalStateException. "No transaction running"))))

(defmacro sync
  "Runs exprs as dosync does, inside a transaction joined by any nested transaction.
  flags-ignored-for-now is not used yet; pass nil."
  {:added "1.0"}
  [flags-ignored-for-now & body]
  `(-run-in-transaction (fn [] ~@body)))

(defn -run-in-transaction
  "Runs (f) in a transaction, or in the running one. At the end of the outermost one
  the new values are validated, then committed, the watches called and the held
  sends dispatched; an exception leaves every ref as it was."
  [f]
  (if @-in-transaction
    (f)
    (let [tx (volatile! {})
          held (volatile! [])
          outer-held @-held-sends]
      (vreset! -in-transaction tx)
      (vreset! -held-sends held)
      (let [result (try (f)
                        (finally (vreset! -in-transaction nil)
                                 (vreset! -held-sends outer-held)))
            writes @tx]
        (doseq [[^Ref r v] writes] (-validate (.-aux r) v))
        (let [olds (into {} (map (fn [[^Ref r _]] [r @(.-state r)])) writes)]
          (doseq [[^Ref r v] writes] (vreset! (.-state r) v))
          (doseq [[r v] writes] (-notify-watches r (olds r) v)))
        (doseq [[ag g gargs] @held] (-dispatch ag g gargs))
        result))))

(defmacro dosync
  "Runs exprs, as do does, inside a transaction; a nested dosync joins the transaction
  already running. Changes made to refs become visible together when the outermost body
  finishes, and an exception thrown out of the body cancels all of them. A body may in
  general be retried, so it should have no side effects."
  {:added "1.0"}
  [& exprs]
  `(sync nil ~@exprs))

(defn ref-set
  "Sets the value of ref to val within the running transaction and returns val. Throws
  IllegalStateException outside a transaction."
  {:added "1.0"}
  [^Ref ref val]
  (vswap! (-tx) assoc ref val)
  val)

(defn alter
  "Changes ref within the running transaction to (apply fun current-value args) and
  returns that new value. Throws IllegalStateException outside a transaction."
  {:added "1.0"}
  [^Ref ref fun & args]
  (-tx)
  (ref-set ref (apply fun @ref args)))

(defn commute
  "Changes ref within the running transaction to (apply fun current-value args) and
  returns it; in Clojure fun is applied again to the latest committed value at commit,
  so it should be commutative. Throws IllegalStateException outside a transaction. In
  Clove no other transaction can commit meanwhile, so this is alter."
  {:added "1.0"}
  [^Ref ref fun & args]
  (-tx)
  (ref-set ref (apply fun @ref args)))

(defn ensure
  "Keeps other transactions from changing ref until the running transaction ends, and
  returns its value within the transaction. Throws IllegalStateException outside a
  transaction."
  {:added "1.0"}
  [^Ref ref]
  (-tx)
  @ref)

(defn ref-history-count
  "How many old values ref currently keeps for readers: always 0 in Clove, which keeps
  no history (no transaction ever reads an older value)."
  {:added "1.1"}
  [^Ref ref] 0)

(defn ref-min-history
  "With one argument, the :min-history setting of ref; with two, sets it to n and
  returns ref."
  {:added "1.1"}
  ([^Ref ref] (:min-history @(.-aux ref)))
  ([^Ref ref n] (vswap! (.-aux ref) assoc :min-history n) ref))

(defn ref-max-history
  "With one argument, the :max-history setting of ref; with two, sets it to n and
  returns ref."
  {:added "1.1"}
  ([^Ref ref] (:max-history @(.-aux ref)))
  ([^Ref ref n] (vswap! (.-aux ref) assoc :max-history n) ref))

(defmacro io!
  "Marks body as doing I/O: inside a transaction (dosync) it throws
  IllegalStateException instead of running, elsewhere it runs body as do does. A
  string literal first in body is the exception's message (default \"I/O in
  transaction\")."
  {:added "1.0"}
  [& body]
  (let [[msg forms] (if (string? (first body)) [(first body) (rest body)] ["I/O in transaction" body])]
    `(if (-transaction-running?)
       (throw (IllegalStateException. ~msg))
       (do ~@forms))))

