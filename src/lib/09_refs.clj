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
  (throw (ClassCastException. (str "class " (class r) " cannot be cast to class " iface))))

(defn- -deref-blocking
  "clojure.core/deref of a deftype instance that does not implement clojure.lang.IDeref
  itself: a promise, future, agent or ref (natives/core/state.cpp calls it)."
  ([r] (if (satisfies? -Blocking r) (-blocking-deref r nil nil) (-not-a r "java.util.concurrent.Future")))
  ([r ms timeout-val]
   (when-not (satisfies? -Blocking r) (-not-a r "clojure.lang.IBlockingDeref"))
   (when-not (number? ms)
     (throw (ClassCastException. (str "class " (class ms) " cannot be cast to class java.lang.Number"))))
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
  "Returns a promise object that can be read with deref/@, and set, once only, with
  deliver. Calls to deref/@ prior to delivery will block, unless the variant of deref
  with timeout is used. All subsequent derefs will return the same delivered value
  without blocking. See also - realized?.
  In Clove a blocked deref runs the pending futures (one thread, fibers); when none can
  deliver, a deref without a timeout throws IllegalStateException instead of hanging."
  {:added "1.1"}
  []
  (->Promise (volatile! ::none)))

(defn deliver
  "Delivers the supplied value to the promise, releasing any pending derefs. A
  subsequent call to deliver on a promise will have no effect. Returns the promise the
  first time, nil after."
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
  "Takes a function of no args and yields a future object that will invoke the
  function in another thread, and will cache the result and return it on all
  subsequent calls to deref/@. If the computation has not yet finished, calls to
  deref/@ will block, unless the variant of deref with timeout is used. See also -
  realized?.
  In Clove the function runs at once on a new fiber until it ends or blocks on a
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
  "Returns a future that runs body and keeps its value (or exception) for every deref.
  A deref before the body has ended waits for it; (deref f ms timeout-val) waits at
  most ms milliseconds. In Clove the body runs at once on a fiber of the same thread
  (future-call) until it ends or waits for another future or promise."
  {:added "1.1"}
  [& body] `(future-call (fn [] ~@body)))

(defn future?
  "Returns true if x is a future"
  {:added "1.1"}
  [x] (instance? Future x))

(defn future-done?
  "Returns true if future f is done"
  {:added "1.1"}
  [^Future f] (not= :pending (first @(.-state f))))

(defn future-cancel
  "Cancels the future, if possible. Returns true when the future was cancelled (it had
  not ended), false otherwise. In Clove a future blocked in a deref is cancelled where
  it stands; the running one (whose fiber is on the stack) cannot be."
  {:added "1.1"}
  [^Future f]
  (let [state (.-state f)]
    (if (and (= :pending (first @state)) (not= :alive (clove.fiber/status (.-fib f))))
      (do (vreset! state [:cancelled nil]) (-progressed!) true)
      false)))

(defn future-cancelled?
  "Returns true if future f is cancelled"
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
    "Adds a watch function to an agent/atom/var/ref reference. The watch fn must be a fn
  of 4 args: a key, the reference, its old-state, its new-state. Whenever the
  reference's state might have been changed, any registered watches will have their
  functions called. The watch fn will be called synchronously, on the agent's thread
  if an agent, before any pending sends if agent or ref. Note that an atom's or ref's
  state may have changed again prior to the fn call, so use old/new-state rather than
  derefing the reference. Note also that watch fns may be called from multiple
  threads simultaneously. Var watchers are triggered only by root binding changes, not
  thread-local set!s. Keys must be unique per reference, and can be used to remove the
  watch with remove-watch, but are otherwise considered opaque by the watch mechanism."
    {:added "1.0"}
    [reference key f]
    (if (satisfies? -Watchable reference)
      (do (vswap! (-aux reference) assoc-in [:watches key] f) reference)
      (native-add-watch reference key f)))
  (defn remove-watch
    "Removes a watch (set by add-watch) from a reference"
    {:added "1.0"}
    [reference key]
    (if (satisfies? -Watchable reference)
      (do (vswap! (-aux reference) update :watches dissoc key) reference)
      (native-remove-watch reference key)))
  (defn set-validator!
    "Sets the validator-fn for a var/ref/agent/atom. validator-fn must be nil or a
  side-effect-free fn of one argument, which will be passed the intended new state on
  any state change. If the new state is unacceptable, the validator-fn should return
  false or throw an exception. If the current state (root value if var) is not
  acceptable to the new validator, an exception will be thrown and the validator will
  not be changed."
    {:added "1.0"}
    [iref validator-fn]
    (if (satisfies? -Watchable iref)
      (do (when validator-fn
            (-validate (volatile! {:validator validator-fn}) @iref))
          (vswap! (-aux iref) assoc :validator validator-fn)
          nil)
      (native-set-validator! iref validator-fn)))
  (defn get-validator
    "Gets the validator-fn for a var/ref/agent/atom."
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
  "Creates and returns an agent with an initial value of state and zero or more options
  (in any order):

  :meta metadata-map

  :validator validate-fn

  :error-handler handler-fn

  :error-mode mode-keyword

  If metadata-map is supplied, it will become the metadata on the agent. validate-fn
  must be nil or a side-effect-free fn of one argument, which will be passed the
  intended new state on any state change. If the new state is unacceptable, the
  validate-fn should return false or throw an exception.  handler-fn is called if an
  action throws an exception or if validate-fn rejects a new state -- see
  set-error-handler! for details.  The mode-keyword may be either :continue (the
  default if an error-handler is given) or :fail (the default if no error-handler is
  given) -- see set-error-mode! for details.
  In Clove an action runs as soon as it is sent (docs/differences.md)."
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
  "Dispatch an action to an agent. Returns the agent immediately. Subsequently, in a
  thread from a thread pool, the state of the agent will be set to the value of:

  (apply action-fn state-of-agent args)
  In Clove the action runs at once on this thread (after the running action, when sent
  from one)."
  {:added "1.0"}
  [^Agent a f & args]
  (-dispatch a f args))

(defn send-off
  "Dispatch a potentially blocking action to an agent. Returns the agent immediately.
  Subsequently, in a separate thread, the state of the agent will be set to the value
  of:

  (apply action-fn state-of-agent args)
  In Clove, as send."
  {:added "1.0"}
  [^Agent a f & args]
  (-dispatch a f args))

(defn send-via
  "Dispatch an action to an agent. Returns the agent immediately. Subsequently, in a
  thread supplied by executor, the state of the agent will be set to the value of:

  (apply action-fn state-of-agent args)
  In Clove the executor is not used: as send."
  {:added "1.5"}
  [executor ^Agent a f & args]
  (-dispatch a f args))

(defn release-pending-sends
  "Normally, actions sent directly or indirectly during another action are held until
  the action completes (changes the agent's state). This function can be used to
  dispatch any pending sent actions immediately. This has no impact on actions sent
  during a transaction, which are still held until commit. If no action is occurring,
  does nothing. Returns the number of actions dispatched."
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
  "Blocks the current thread (indefinitely!) until all actions dispatched thus far,
  from this thread or agent, to the agent(s) have occurred.  Will block on failed
  agents.  Will never return if a failed agent is restarted with :clear-actions true
  or shutdown-agents was called."
  {:added "1.0"}
  [& agents]
  (-await agents nil)
  nil)

(defn await-for
  "Blocks the current thread until all actions dispatched thus far (from this thread
  or agent) to the agents have occurred, or the timeout (in milliseconds) has elapsed.
  Returns logical false if returning due to timeout, logical true otherwise."
  {:added "1.0"}
  [timeout-ms & agents]
  (-await agents timeout-ms))

(defn await1 [^Agent a]
  (when-not (-agent-idle? a) (await a))
  a)

(defn agent-error
  "Returns the exception thrown during an asynchronous action of the agent if the
  agent is failed.  Returns nil if the agent is not failed."
  {:added "1.2"}
  [^Agent a] (:error @(.-aux a)))

(defn agent-errors
  "DEPRECATED: Use 'agent-error' instead.
  Returns a sequence of the exceptions thrown during asynchronous actions of the
  agent."
  {:added "1.0" :deprecated "1.2"}
  [a]
  (when-let [e (agent-error a)] (list e)))

(defn restart-agent
  "When an agent is failed, changes the agent state to new-state and then un-fails the
  agent so that sends are allowed again.  If a :clear-actions true option is given,
  any actions queued on the agent that were being held while it was failed will be
  discarded, otherwise those held actions will proceed.  The new-state must pass the
  validator if any, or restart will throw an exception and the agent will remain
  failed with its old state and error.  Watchers, if any, will NOT be notified of the
  new state.  Throws an exception if the agent is not failed."
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
  "DEPRECATED: Use 'restart-agent' instead.
  Clears any exceptions thrown during asynchronous actions of the agent, allowing
  subsequent actions to occur."
  {:added "1.0" :deprecated "1.2"}
  [^Agent a] (restart-agent a @a))

(defn set-error-handler!
  "Sets the error-handler of agent a to handler-fn.  If an action being run by the
  agent throws an exception or doesn't pass the validator fn, handler-fn will be
  called with two arguments: the agent and the exception."
  {:added "1.2"}
  [^Agent a handler-fn] (vswap! (.-aux a) assoc :handler handler-fn) nil)

(defn error-handler
  "Returns the error-handler of agent a, or nil if there is none. See
  set-error-handler!"
  {:added "1.2"}
  [^Agent a] (:handler @(.-aux a)))

(defn set-error-mode!
  "Sets the error-mode of agent a to mode-keyword, which must be either :fail or
  :continue.  If an action being run by the agent throws an exception or doesn't pass
  the validator fn, an error-handler may be called (see set-error-handler!), after
  which, if the mode is :continue, the agent will continue as if neither the action
  that caused the error nor the error itself ever happened.

  If the mode is :fail, the agent will become failed and will stop accepting new
  'send' and 'send-off' actions, and any previously queued actions will be held until
  a 'restart-agent'.  Deref will still work, returning the state of the agent before
  the error."
  {:added "1.2"}
  [^Agent a mode-keyword] (vswap! (.-aux a) assoc :mode mode-keyword) nil)

(defn error-mode
  "Returns the error-mode of agent a.  See set-error-mode!"
  {:added "1.2"}
  [^Agent a] (:mode @(.-aux a)))

(defn shutdown-agents
  "Initiates a shutdown of the thread pools that back the agent system. Running
  actions will complete, but no new actions will be accepted.
  In Clove there are no pools: it does nothing."
  {:added "1.0"}
  [] nil)

(defn set-agent-send-executor!
  "Sets the ExecutorService to be used by send. Clove has no executors: it does nothing."
  {:added "1.5"}
  [executor] nil)

(defn set-agent-send-off-executor!
  "Sets the ExecutorService to be used by send-off. Clove has no executors: it does
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
  "Creates and returns a Ref with an initial value of x and zero or more options (in
  any order):

  :meta metadata-map

  :validator validate-fn

  :min-history (default 0)
  :max-history (default 10)

  If metadata-map is supplied, it will become the metadata on the ref. validate-fn
  must be nil or a side-effect-free fn of one argument, which will be passed the
  intended new state on any state change. If the new state is unacceptable, the
  validate-fn should return false or throw an exception. validate-fn will be called on
  transaction commit, when all refs have their final values.

  Normally refs accumulate history dynamically as needed to deal with read demands.
  If you know in advance you will need history you can set :min-history to ensure it
  will be available when first needed (instead of after a read fault). History is
  limited, and the limit can be set with :max-history."
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
  "transaction-flags => TBD, pass nil for now

  Runs the exprs (in an implicit do) in a transaction that encompasses exprs and any
  nested calls.  Starts a transaction if none is already running on this thread. Any
  uncaught exception will abort the transaction and flow out of sync. The exprs may be
  run more than once, but any effects on Refs will be atomic."
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
  "Runs the exprs (in an implicit do) in a transaction that encompasses exprs and any
  nested calls.  Starts a transaction if none is already running on this thread. Any
  uncaught exception will abort the transaction and flow out of dosync. The exprs may
  be run more than once, but any effects on Refs will be atomic."
  {:added "1.0"}
  [& exprs]
  `(sync nil ~@exprs))

(defn ref-set
  "Must be called in a transaction. Sets the value of ref. Returns val."
  {:added "1.0"}
  [^Ref ref val]
  (vswap! (-tx) assoc ref val)
  val)

(defn alter
  "Must be called in a transaction. Sets the in-transaction-value of ref to:

  (apply fun in-transaction-value-of-ref args)

  and returns the in-transaction-value of ref."
  {:added "1.0"}
  [^Ref ref fun & args]
  (-tx)
  (ref-set ref (apply fun @ref args)))

(defn commute
  "Must be called in a transaction. Sets the in-transaction-value of ref to:

  (apply fun in-transaction-value-of-ref args)

  and returns the in-transaction-value of ref.

  At the commit point of the transaction, sets the value of ref to be:

  (apply fun most-recently-committed-value-of-ref args)

  Thus fun should be commutative, or, failing that, you must accept last-one-in-wins
  behavior.  commute allows for more concurrency than ref-set.
  In Clove no other transaction can commit meanwhile, so this is alter."
  {:added "1.0"}
  [^Ref ref fun & args]
  (-tx)
  (ref-set ref (apply fun @ref args)))

(defn ensure
  "Must be called in a transaction. Protects the ref from modification by other
  transactions.  Returns the in-transaction-value of ref. Allows for more concurrency
  than (ref-set ref @ref)"
  {:added "1.0"}
  [^Ref ref]
  (-tx)
  @ref)

(defn ref-history-count
  "Returns the history count of a ref: always 0 in Clove, which keeps no history (no
  transaction ever reads an older value)."
  {:added "1.1"}
  [^Ref ref] 0)

(defn ref-min-history
  "Gets the min-history of a ref, or sets it and returns the ref"
  {:added "1.1"}
  ([^Ref ref] (:min-history @(.-aux ref)))
  ([^Ref ref n] (vswap! (.-aux ref) assoc :min-history n) ref))

(defn ref-max-history
  "Gets the max-history of a ref, or sets it and returns the ref"
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

