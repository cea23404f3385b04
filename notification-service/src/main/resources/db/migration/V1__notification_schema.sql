-- One row per intended mail; unique per event and template so a replayed event never mails twice.
CREATE TABLE notification (
    id             uuid PRIMARY KEY,
    event_id       uuid          NOT NULL,
    template       varchar(50)   NOT NULL,
    recipients     text[]        NOT NULL,
    reply_to       varchar(254),
    subject        varchar(300)  NOT NULL,
    status         varchar(20)   NOT NULL DEFAULT 'PENDING',
    attempts       integer       NOT NULL DEFAULT 0,
    ses_message_id varchar(200),
    last_error     varchar(500),
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    created_at     timestamptz   NOT NULL DEFAULT now(),
    sent_at        timestamptz,
    CONSTRAINT notification_event_template_key UNIQUE (event_id, template),
    CONSTRAINT notification_status_check CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED'))
);

CREATE INDEX notification_status_idx ON notification (status, next_attempt_at);
CREATE INDEX notification_created_idx ON notification (created_at DESC);

-- Addresses that bounced or complained; never mailed again.
CREATE TABLE suppressed_address (
    email      varchar(254) PRIMARY KEY,
    reason     varchar(50)  NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);
