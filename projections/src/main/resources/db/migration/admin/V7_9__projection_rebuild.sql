-- The latest rebuild of each projection (see ShadowRebuilds): BUILDING while its tables fill in their own
-- schema (rebuild_<group>), SWITCHED once they replaced the served ones, FAILED when abandoned. The position
-- is stored in the same transaction as the rows it reflects, so a rebuild resumes there after a restart.
create table projection_rebuild (
    processing_group text primary key,
    state            text        not null,
    token            bytea,
    token_type       text,
    position         bigint      not null default 0,
    started_at       timestamptz not null,
    switched_at      timestamptz,
    failure          text
);
