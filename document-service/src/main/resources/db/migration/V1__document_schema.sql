-- Uploaded documents: the object lives in S3 under storage_key, the row tracks its processing.
CREATE TABLE document (
    id                uuid PRIMARY KEY,
    contact_id        uuid          NOT NULL,
    original_filename varchar(255)  NOT NULL,
    stored_filename   varchar(255)  NOT NULL,
    storage_key       varchar(600)  NOT NULL UNIQUE,
    content_type      varchar(150)  NOT NULL,
    size_bytes        bigint        NOT NULL CHECK (size_bytes >= 0),
    sha256            char(64)      NOT NULL,
    document_type     varchar(50)   NOT NULL,
    description       varchar(1000),
    tags              text[]        NOT NULL DEFAULT '{}',
    status            varchar(20)   NOT NULL DEFAULT 'PENDING',
    attempts          integer       NOT NULL DEFAULT 0,
    failure_reason    varchar(500),
    claimed_until     timestamptz,
    next_attempt_at   timestamptz   NOT NULL DEFAULT now(),
    insights          jsonb         NOT NULL DEFAULT '{}'::jsonb,
    -- the extracted text, kept for reindexing (large values are TOASTed, compressed, out of line)
    extracted_text    text,
    uploaded_at       timestamptz   NOT NULL DEFAULT now(),
    processed_at      timestamptz,
    CONSTRAINT document_status_check CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'))
);

CREATE INDEX document_contact_idx ON document (contact_id, uploaded_at DESC);
CREATE INDEX document_claimable_idx ON document (next_attempt_at) WHERE status IN ('PENDING', 'PROCESSING');
CREATE INDEX document_insights_idx ON document USING gin (insights);
