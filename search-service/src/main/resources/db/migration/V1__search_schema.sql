-- search keeps no domain data in PostgreSQL (the index is Meilisearch); only the ids of events it applied.
CREATE TABLE inbox_event (
    event_id     uuid PRIMARY KEY,
    type         varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now()
);
