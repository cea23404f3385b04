-- Solved proof-of-work challenges of the web form, remembered until they expire so that each counts once,
-- also across replicas. Rows past expires_at are deleted by the service (UsedSolutions.forgetExpired).
CREATE TABLE used_altcha_solution (
    challenge  char(64)    PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX used_altcha_solution_expires_at_idx ON used_altcha_solution (expires_at);
