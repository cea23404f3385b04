-- An upload's Idempotency-Key (contact-service sends one per attachment): a retried upload answers the
-- document stored the first time instead of storing it twice or dropping it.
ALTER TABLE document ADD COLUMN idempotency_key varchar(200);
CREATE UNIQUE INDEX document_idempotency_idx ON document (contact_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
