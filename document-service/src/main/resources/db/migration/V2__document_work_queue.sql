-- Documents are the work engine's "documents" queue: uploads wake the processor of every replica.
CREATE TRIGGER document_pending_notify AFTER INSERT ON document
    FOR EACH STATEMENT EXECUTE FUNCTION work_notify('document_pending');
