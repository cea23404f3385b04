-- The producing replica wakes its own relay after commit (Outbox.committed) and every replica polls.
-- A NOTIFY at commit takes one lock for the whole database until the commit is flushed, so with one in
-- every submission the intake commits queued behind each other instead of sharing WAL flushes.
DROP TRIGGER outbox_delivery_notify ON outbox_delivery;
DROP FUNCTION outbox_notify();
