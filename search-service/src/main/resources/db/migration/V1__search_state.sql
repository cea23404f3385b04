-- What search-service keeps about a contact: the name and company that make its documents findable
-- by who sent them. On contact.deleted the personal fields are erased and the row stays as a
-- tombstone (id only), so a late document.processed of that contact is not indexed again.
CREATE TABLE search_contact (
    contact_id  uuid PRIMARY KEY,
    name        varchar(200),
    company     varchar(200),
    deleted_at  timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The rebuild state, shared by all replicas (one row): only one replica rebuilds at a time (a lease
-- kept alive by heartbeat_at), and while building_index is set every replica's event handlers write
-- to it as well as to the live index, so nothing applied during a rebuild is lost by the swap.
CREATE TABLE search_reindex (
    id              smallint PRIMARY KEY CHECK (id = 1),
    phase           varchar(12)  NOT NULL DEFAULT 'IDLE',
    owner           varchar(64),
    building_index  varchar(100),
    heartbeat_at    timestamptz,
    started_at      timestamptz,
    finished_at     timestamptz,
    documents       bigint       NOT NULL DEFAULT 0,
    error           varchar(300),
    CONSTRAINT search_reindex_phase_check CHECK (phase IN ('IDLE', 'RUNNING', 'SUCCEEDED', 'FAILED'))
);
INSERT INTO search_reindex (id) VALUES (1);
