-- A queue of the work engine for its own tests: each item says how its attempts end.
CREATE TABLE probe_work (
    id              uuid PRIMARY KEY,
    work_key        varchar(50)  NOT NULL,
    seq             bigserial    NOT NULL,
    behaviour       varchar(20)  NOT NULL DEFAULT 'ok',
    status          varchar(20)  NOT NULL DEFAULT 'PENDING',
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    last_error      varchar(100),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    done_at         timestamptz,
    note            varchar(100),
    handled         integer      NOT NULL DEFAULT 0
);
