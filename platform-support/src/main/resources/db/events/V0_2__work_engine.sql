-- platform-support 0.2: the work engine (dev.intake.platform.work) claims and finishes rows by one key
-- column, and reports the age of the oldest unfinished item.
ALTER TABLE outbox_delivery ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE outbox_delivery ADD CONSTRAINT outbox_delivery_id_key UNIQUE (id);
ALTER TABLE outbox_delivery ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

-- Wakes the workers of every replica when rows of a queue's table commit; the channel is the trigger's argument.
CREATE FUNCTION work_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
END;
$$;
