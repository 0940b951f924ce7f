-- Idempotency-Key records of every instance: which request (method, path, body: a SHA-256 fingerprint)
-- a user's key was first used for, and whether that request is still in flight. Kept for
-- gatehouse.idempotency.retention, then deleted.
create table idempotency_key (
    user_id         text        not null,
    idempotency_key text        not null,
    fingerprint     text        not null,
    in_flight       boolean     not null,
    started_at      timestamptz not null,
    expires_at      timestamptz not null,
    primary key (user_id, idempotency_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
