-- Gate passes as the apps see them. Versioned rows like every read model: a re-delivered event never
-- moves a row backwards. items and attachments are JSON arrays (of text and of upload ids).
create table gate_pass (
    id               uuid primary key,
    society_id       uuid        not null,
    flat_id          uuid        not null,
    requested_by_id  uuid        not null,
    type             text        not null,
    status           text        not null,
    title            text        not null,
    description      text,
    valid_from       timestamptz not null,
    valid_until      timestamptz not null,
    vehicle_number   text,
    driver_name      text,
    driver_phone     text,
    items            jsonb       not null,
    worker_name      text,
    worker_phone     text,
    company_name     text,
    attachments      jsonb       not null,
    approved_by_id   uuid,
    approved_at      timestamptz,
    rejection_reason text,
    used_at          timestamptz,
    used_by_guard_id uuid,
    ended_at         timestamptz,
    created_at       timestamptz not null,
    version          bigint      not null
);
create index gate_pass_by_society on gate_pass (society_id, created_at desc, id);
create index gate_pass_by_flat on gate_pass (flat_id, created_at desc, id);
