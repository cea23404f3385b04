-- Delivery log: one row per intended mail, written in the inbox transaction of the event that caused it
-- and sent after commit. Unique per event and template, so a replayed event never mails twice.
CREATE TABLE notification (
    id              uuid PRIMARY KEY,
    event_id        uuid          NOT NULL,
    template        varchar(50)   NOT NULL,
    contact_id      uuid,
    recipients      text[]        NOT NULL,
    reply_to        varchar(254),
    subject         varchar(300)  NOT NULL,
    body_text       text          NOT NULL,
    body_html       text          NOT NULL,
    status          varchar(20)   NOT NULL DEFAULT 'PENDING',
    attempts        integer       NOT NULL DEFAULT 0,
    ses_message_id  varchar(200),
    last_error      varchar(500),
    next_attempt_at timestamptz   NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    erased_at       timestamptz,
    -- of the event that caused the mail, so the sender's log lines join the request's
    correlation_id  varchar(100),
    CONSTRAINT notification_event_template_key UNIQUE (event_id, template),
    CONSTRAINT notification_status_check CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED'))
);

-- the sender's claim: only pending rows, in due order
CREATE INDEX notification_due_idx ON notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_created_idx ON notification (created_at DESC);
CREATE INDEX notification_status_created_idx ON notification (status, created_at DESC);
CREATE INDEX notification_contact_idx ON notification (contact_id);

-- Addresses that bounced or complained (stored lower-case); never mailed again.
CREATE TABLE suppressed_address (
    email      varchar(254) PRIMARY KEY,
    reason     varchar(50)  NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);

-- Open digest windows: the first document.processed of a contact opens one, later ones count into it,
-- and when it falls due the flusher turns it into one notification row and deletes it.
CREATE TABLE document_digest (
    contact_id uuid PRIMARY KEY,
    id         uuid         NOT NULL UNIQUE,
    processed  integer      NOT NULL DEFAULT 0,
    failed     integer      NOT NULL DEFAULT 0,
    opened_at  timestamptz  NOT NULL DEFAULT now(),
    due_at     timestamptz  NOT NULL
);

CREATE INDEX document_digest_due_idx ON document_digest (due_at);
