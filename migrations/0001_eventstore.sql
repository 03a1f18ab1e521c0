-- The event log. Rows are only inserted (and removed by a stream delete).
-- tx_id records the writing transaction so that readers can read in a
-- commit-safe order: only rows with tx_id below
-- pg_snapshot_xmin(pg_current_snapshot()), ordered by (tx_id, seq).
CREATE TABLE events (
    seq            bigint GENERATED ALWAYS AS IDENTITY,
    tx_id          xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream_id      text NOT NULL,
    revision       bigint NOT NULL,
    event_id       uuid NOT NULL,
    event_type     text NOT NULL,
    schema_version integer NOT NULL,
    -- json, not jsonb: the data is kept byte for byte as written (jsonb
    -- would reorder keys and drop whitespace), as hash chains and
    -- byte-identical rebuilds need; json still validates it.
    data           json NOT NULL,
    metadata       jsonb NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stream_id, revision)
);
CREATE UNIQUE INDEX events_log ON events (tx_id, seq);

-- One row per stream: its last revision, and whether it was deleted, so that
-- appends check and bump the expected revision with one row lock.
-- A deleted stream keeps its row as a tombstone (revision -1 when it never
-- had events). fillfactor leaves room for HOT updates of the revision.
CREATE TABLE streams (
    stream_id text PRIMARY KEY,
    revision  bigint NOT NULL,
    deleted   boolean NOT NULL DEFAULT false
) WITH (fillfactor = 80);
