-- Event tables of platform-support, migrated into each service's own schema by its Flyway
-- (quarkus.flyway.locations=db/migration,db/events). Versions 0.x sort before every service migration.

-- Transactional outbox: written in the same transaction as the domain change.
CREATE TABLE outbox_event (
    id             uuid PRIMARY KEY,
    seq            bigserial     NOT NULL UNIQUE,
    aggregate_type varchar(50)   NOT NULL,
    aggregate_id   varchar(100)  NOT NULL,
    type           varchar(100)  NOT NULL,
    version        integer       NOT NULL CHECK (version >= 1),
    payload        jsonb         NOT NULL,
    correlation_id varchar(100),
    occurred_at    timestamptz   NOT NULL DEFAULT now()
);

-- One row per event and subscriber: each subscriber has its own delivery state and backoff.
CREATE TABLE outbox_delivery (
    event_id        uuid          NOT NULL REFERENCES outbox_event (id) ON DELETE CASCADE,
    subscriber      varchar(50)   NOT NULL,
    seq             bigint        NOT NULL,
    aggregate_key   varchar(160)  NOT NULL,
    status          varchar(12)   NOT NULL DEFAULT 'PENDING',
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    last_error      varchar(300),
    delivered_at    timestamptz,
    PRIMARY KEY (event_id, subscriber),
    CONSTRAINT outbox_delivery_status_check CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD'))
);

CREATE INDEX outbox_delivery_due_idx ON outbox_delivery (seq) WHERE status = 'PENDING';
CREATE INDEX outbox_delivery_order_idx ON outbox_delivery (subscriber, aggregate_key, seq) WHERE status = 'PENDING';
CREATE INDEX outbox_delivery_dead_idx ON outbox_delivery (event_id) WHERE status = 'DEAD';

-- Wakes the relays of every replica as soon as new deliveries commit (NOTIFY is sent at commit).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_delivery', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_delivery_notify AFTER INSERT ON outbox_delivery
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Idempotent inbox: an event id recorded in the same transaction as the handler's effect.
CREATE TABLE inbox_event (
    event_id     uuid PRIMARY KEY,
    type         varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX inbox_event_processed_idx ON inbox_event (processed_at);
