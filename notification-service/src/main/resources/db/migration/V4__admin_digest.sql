-- The admin digest (intake.mail.admin-digest): while the threshold is on, every contact submission counts
-- into the one open window (the first opens it for intake.mail.admin-digest.window). Past the threshold, a
-- submission's admin mail is not queued but kept as an entry; when the window is due the digest flusher
-- turns its entries into one notification row (the window's id is its event id) and deletes the window.
CREATE TABLE admin_digest (
    id        uuid        PRIMARY KEY,
    -- a constant: at most one open window, so concurrent submissions meet in (and queue on) one row and
    -- the count stays exact
    singleton boolean     NOT NULL DEFAULT true UNIQUE CHECK (singleton),
    submitted integer     NOT NULL,
    opened_at timestamptz NOT NULL DEFAULT now(),
    due_at    timestamptz NOT NULL
);

-- One per submission above the threshold; event_id keeps a replayed event from being listed twice. The entry
-- outlives its window: it tells an erasure which digest mails list the contact. Its listing (name to
-- first_line) is kept until that mail has left the queue (so an erasure can list the others again in the next
-- digest), then cleared; an erasure clears it at once.
CREATE TABLE admin_digest_entry (
    event_id   uuid    PRIMARY KEY,
    -- the window's id, which is also the event id of the digest mail it becomes
    digest_id  uuid    NOT NULL,
    -- the submission's place in the window's count: the digest lists in arrival order
    position   integer NOT NULL,
    contact_id uuid    NOT NULL,
    -- false while the window is open, true once its digest mail is queued
    queued     boolean NOT NULL DEFAULT false,
    name       text,
    email      text,
    company    text,
    first_line text
);

CREATE INDEX admin_digest_entry_digest_idx ON admin_digest_entry (digest_id, position);
CREATE INDEX admin_digest_entry_contact_idx ON admin_digest_entry (contact_id);
CREATE INDEX admin_digest_entry_listed_idx ON admin_digest_entry (digest_id) WHERE queued AND name IS NOT NULL;
