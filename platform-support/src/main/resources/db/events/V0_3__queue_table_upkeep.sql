-- Queue tables churn: each delivery is written when queued, claimed and finished. Room on each page lets
-- the claim's update stay on the page without new index entries (HOT), and an eager autovacuum keeps dead
-- index entries of finished rows from piling up in front of the pending ones that every claim scans.
ALTER TABLE outbox_delivery SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02);

-- A delivery is deleted once it succeeded (the queue is no log); the event stays for the retention.
DELETE FROM outbox_delivery WHERE status = 'DELIVERED';
