-- Claimed and finished like every work queue: room for HOT updates and an eager autovacuum (see
-- platform-support's V0_3__queue_table_upkeep.sql).
ALTER TABLE notification SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02);
