;; subvec's indexes go through RT.intCast: any number, truncated, NaN as 0.
(prn (subvec [1 2 3] ##NaN) (subvec [1 2 3] 0 ##NaN) (subvec [1 2 3] 1.5) (subvec [1 2 3] 1 2.9) (subvec [1 2 3] 1N 3N))
(prn (try (subvec [1 2 3] 1e10) (catch ArithmeticException e (.getMessage e))))
(prn (try (subvec [1 2 3] 2 1) (catch IndexOutOfBoundsException e :ioobe)))
(prn (try (subvec [1 2 3] nil) (catch NullPointerException e :npe)))
