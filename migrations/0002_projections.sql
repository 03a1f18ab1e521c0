-- Where each projection is in the log. A projection updates its row in the
-- same transaction as its read-model writes.
CREATE TABLE projection_checkpoints (
    name        text PRIMARY KEY,
    commit_pos  bigint NOT NULL DEFAULT 0,
    prepare_pos bigint NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Events a projection could not apply after its retries: recorded, skipped,
-- reported by `zaakregister projections status` and replayed by a rebuild.
CREATE TABLE projection_poison (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    stream_id   text NOT NULL,
    revision    bigint NOT NULL,
    commit_pos  bigint NOT NULL,
    prepare_pos bigint NOT NULL,
    event_type  text NOT NULL,
    error       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projection_poison_name ON projection_poison (name);
