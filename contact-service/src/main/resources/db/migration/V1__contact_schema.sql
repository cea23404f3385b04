-- Contact submissions, as the old system's contact_submissions table plus what the new platform tracks.
CREATE TABLE contact_submission (
    id                uuid PRIMARY KEY,
    name              varchar(100)  NOT NULL,
    email             varchar(254)  NOT NULL,
    message           varchar(1000) NOT NULL,
    company           varchar(100),
    service           varchar(100),
    budget            varchar(50),
    source            varchar(50)   NOT NULL DEFAULT 'website',
    user_agent        varchar(500),
    page_url          varchar(500),
    status            varchar(20)   NOT NULL DEFAULT 'new',
    status_changed_by varchar(100),
    status_changed_at timestamptz,
    -- documents attached to the contact, as reported by document-service events: {documentId: {...}}
    documents         jsonb         NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT contact_submission_status_check CHECK (status IN ('new', 'contacted', 'closed'))
);

CREATE INDEX contact_submission_created_at_idx ON contact_submission (created_at DESC, id DESC);
CREATE INDEX contact_submission_status_idx ON contact_submission (status);
CREATE INDEX contact_submission_documents_idx ON contact_submission USING gin (documents);

-- The old system's visitor counter, updated atomically in SQL (UPDATE ... SET value = value + 1 RETURNING value).
CREATE TABLE counter (
    name  varchar(50) PRIMARY KEY,
    value bigint      NOT NULL DEFAULT 0
);
INSERT INTO counter (name, value) VALUES ('visitor_count', 0);

-- Idempotency-Key replays: the first answer to a key, for 24 hours.
-- record_key is "<client>:<key>": keys are scoped to the API key (or client IP) that sent them.
CREATE TABLE idempotency_record (
    record_key   varchar(320) PRIMARY KEY,
    request_hash char(64)     NOT NULL,
    contact_id   uuid         NOT NULL REFERENCES contact_submission (id) ON DELETE CASCADE,
    created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
