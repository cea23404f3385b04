-- What the probe event handler writes: one row per applied event.
CREATE TABLE probe_effect (
    event_id     uuid PRIMARY KEY,
    aggregate_id varchar(100) NOT NULL,
    position     integer      NOT NULL
);
