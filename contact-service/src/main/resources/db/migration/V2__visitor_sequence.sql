-- The visitor count becomes a sequence: every submission bumped one row before, so concurrent submissions
-- queued on its lock (and on each other's commits). nextval takes no lock; a submission that fails after
-- taking its number leaves a gap, which a visitor count can afford.
CREATE SEQUENCE visitor_count AS bigint;
SELECT setval('visitor_count', GREATEST(value, 1), value > 0) FROM counter WHERE name = 'visitor_count';
DROP TABLE counter;
