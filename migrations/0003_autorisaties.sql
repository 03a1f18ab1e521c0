-- Read model of the Autorisaties API, owned by the "autorisaties" projection.
CREATE SCHEMA ac;
CREATE TABLE ac.applicaties (
    uuid                    uuid PRIMARY KEY,
    client_ids              text[] NOT NULL,
    label                   text NOT NULL,
    heeft_alle_autorisaties boolean NOT NULL,
    autorisaties            jsonb NOT NULL,
    created_commit          bigint NOT NULL,
    created_prepare         bigint NOT NULL
);
CREATE INDEX applicaties_client_ids ON ac.applicaties USING gin (client_ids);
CREATE INDEX applicaties_created ON ac.applicaties (created_commit, created_prepare);

-- JWT client secrets live outside the event log: a log cannot forget a
-- leaked secret. Several secrets per client allow rotation.
CREATE TABLE client_secrets (
    client_id  text NOT NULL,
    secret     text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, secret)
);
