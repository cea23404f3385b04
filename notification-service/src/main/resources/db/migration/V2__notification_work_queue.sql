-- The delivery log is the work engine's "mail" queue: queued mails wake the sender of every replica.
CREATE TRIGGER notification_pending_notify AFTER INSERT ON notification
    FOR EACH STATEMENT EXECUTE FUNCTION work_notify('notification_pending');
