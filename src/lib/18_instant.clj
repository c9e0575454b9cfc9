;; lazy-ns: clojure.instant
;; 18_instant.clj: clojure.instant (SPEC L17), loaded on the first (require
;; 'clojure.instant). Written for Clove from the documented and observed behaviour of
;; Clojure's clojure.instant. Clove has a single instant type (#inst, millisecond
;; precision), so the three readers all return it. The fields a timestamp is parsed into
;; are checked here; the instant itself is then made by the reader's own #inst parser,
;; from the same fields written out in full.

(ns clojure.instant
  "Reading RFC 3339 timestamps (as #inst literals are written) into instants.")

;; ---------------------------------------------------------------------------------
;; Parsing

;; yyyy[-MM[-dd[Thh[:mm[:ss[.fraction]]]]]] then an optional Z or +hh:mm / -hh:mm.
(def ^:private timestamp-pattern
  (re-pattern
   (str "([0-9]{4})"
        "(?:-([0-9]{2})(?:-([0-9]{2})"
        "(?:T([0-9]{2})(?::([0-9]{2})(?::([0-9]{2})(?:[.]([0-9]+))?)?)?)?)?)?"
        "(?:Z|([+-])([0-9]{2}):([0-9]{2}))?")))

(defn- field
  "The number in digit string s, or dflt when the field was left out."
  [s dflt]
  (if (nil? s) dflt (parse-long s)))

(defn- fraction->nanos
  "Nanoseconds from the digits after the decimal point: padded or cut to nine."
  [digits]
  (if (nil? digits)
    0
    (parse-long (subs (str digits "000000000") 0 9))))

(defn parse-timestamp
  "Parses cs, an RFC 3339 timestamp such as 2020-01-02T03:04:05.678-01:00 of which
  only the year is required, and calls new-instant with ten numbers: years, months,
  days, hours, minutes, seconds, nanoseconds, the offset's sign (-1, 0 when absent or
  Z, or 1), its hours and its minutes. Omitted fields are 1 for the month and day and
  0 otherwise. Nothing is range-checked here (see validated). Returns what new-instant
  returns; throws a RuntimeException when cs does not have the timestamp syntax."
  [new-instant cs]
  (let [groups (re-matches timestamp-pattern cs)]
    (when-not groups
      (throw (RuntimeException. (str "Unrecognized date/time syntax: " cs))))
    (let [[_ y mo d h mi s frac sign oh om] groups]
      (new-instant (field y 0) (field mo 1) (field d 1)
                   (field h 0) (field mi 0) (field s 0)
                   (fraction->nanos frac)
                   (case sign "-" -1 "+" 1 0)
                   (field oh 0) (field om 0)))))

;; ---------------------------------------------------------------------------------
;; Checking

(defn- leap-year [y]
  (cond (zero? (mod y 400)) true
        (zero? (mod y 100)) false
        :else (zero? (mod y 4))))

(defn- month-days [m leap]
  (case (long m)
    2 (if leap 29 28)
    (4 6 9 11) 30
    31))

(defn validated
  "Wraps new-instance, a function of the ten fields parse-timestamp gives, in one that
  first checks every field is in range: month 1-12, a day that exists in that month
  and year, hours 0-23, minutes 0-59, seconds 0-59 (60 in the last minute of an
  hour, for a leap second), nanoseconds below a billion, the sign -1, 0 or 1, offset
  hours 0-23 and offset minutes 0-59. The first check that fails throws a
  RuntimeException naming it."
  [new-instance]
  (fn [y mo d h mi s nanos sign off-h off-m]
    (doseq [[ok? what]
            [[#(<= 1 mo 12) "(<= 1 months 12)"]
             [#(<= 1 d (month-days mo (leap-year y)))
              "(<= 1 days (days-in-month months (leap-year? years)))"]
             [#(<= 0 h 23) "(<= 0 hours 23)"]
             [#(<= 0 mi 59) "(<= 0 minutes 59)"]
             [#(<= 0 s (if (== mi 59) 60 59))
              "(<= 0 seconds (if (= minutes 59) 60 59))"]
             [#(<= 0 nanos 999999999) "(<= 0 nanoseconds 999999999)"]
             [#(<= -1 sign 1) "(<= -1 offset-sign 1)"]
             [#(<= 0 off-h 23) "(<= 0 offset-hours 23)"]
             [#(<= 0 off-m 59) "(<= 0 offset-minutes 59)"]]]
      (when-not (ok?)
        (throw (RuntimeException. (str "failed: " what)))))
    (new-instance y mo d h mi s nanos sign off-h off-m)))

;; ---------------------------------------------------------------------------------
;; Making instants

(defn- fields->inst
  "The instant of the given (already checked) fields: they are written out as a full
  timestamp and read as an #inst literal, which applies the offset and leap second."
  [years months days hours minutes seconds nanoseconds sign off-h off-m]
  (let [text (format "%04d-%02d-%02dT%02d:%02d:%02d.%09d%s%02d:%02d"
                     years months days hours minutes seconds nanoseconds
                     (if (neg? sign) "-" "+") off-h off-m)]
    (binding [*data-readers* {}]
      (read-string (str "#inst " (pr-str text))))))

(def ^:private read-checked (partial parse-timestamp (validated fields->inst)))

(def read-instant-date
  "Reads RFC 3339 timestamp string cs (see parse-timestamp), checks its fields (see
  validated) and returns the instant, as #inst does. Throws a RuntimeException for a
  malformed timestamp or an out-of-range field."
  (fn [cs] (read-checked cs)))

(def read-instant-calendar
  "Like read-instant-date. (Clojure returns a java.util.Calendar that keeps the
  offset; Clove has only the one instant type.)"
  (fn [cs] (read-checked cs)))

(def read-instant-timestamp
  "Like read-instant-date. (Clojure returns a java.sql.Timestamp that keeps the
  nanoseconds; Clove has only the one instant type, to the millisecond.)"
  (fn [cs] (read-checked cs)))
