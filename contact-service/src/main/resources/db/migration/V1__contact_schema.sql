-- Contact submissions, as the old system's contact_submissions table plus what the new platform tracks.
CREATE TABLE contact_submission (
    id            uuid PRIMARY KEY,
    name          varchar(100)  NOT NULL,
    email         varchar(254)  NOT NULL,
    message       varchar(1000) NOT NULL,
    company       varchar(100),
    service       varchar(100),
    budget        varchar(50),
    source        varchar(50)   NOT NULL DEFAULT 'website',
    user_agent    varchar(500),
    page_url      varchar(500),
    status        varchar(20)   NOT NULL DEFAULT 'new',
    status_changed_by varchar(100),
    status_changed_at timestamptz,
    document_insights jsonb     NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT contact_submission_status_check CHECK (status IN ('new', 'contacted', 'closed'))
);

CREATE INDEX contact_submission_created_at_idx ON contact_submission (created_at DESC);
CREATE INDEX contact_submission_status_idx ON contact_submission (status);
CREATE INDEX contact_submission_insights_idx ON contact_submission USING gin (document_insights);

-- The old system's visitor counter, updated atomically in SQL (UPDATE ... SET value = value + 1 RETURNING value).
CREATE TABLE counter (
    name  varchar(50) PRIMARY KEY,
    value bigint      NOT NULL DEFAULT 0
);
INSERT INTO counter (name, value) VALUES ('visitor_count', 0);
