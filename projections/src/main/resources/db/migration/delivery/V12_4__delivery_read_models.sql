-- Expected deliveries and auto-approve rules as the apps see them; versioned rows like every read model.
create table expected_delivery (
    id                    uuid primary key,
    society_id            uuid        not null,
    flat_id               uuid        not null,
    created_by_id         uuid        not null,
    company               text        not null,
    item_name             text,
    expected_date         date        not null,
    time_from             time,
    time_until            time,
    status                text        not null,
    claimed_by_request_id uuid,
    used_at               timestamptz,
    created_at            timestamptz not null,
    version               bigint      not null
);
create index expected_delivery_by_flat on expected_delivery (flat_id, expected_date, id);

create table auto_approve_rule (
    id            uuid primary key,
    society_id    uuid        not null,
    flat_id       uuid        not null,
    created_by_id uuid        not null,
    companies     jsonb       not null,
    allowed_days  jsonb       not null,
    time_from     time,
    time_until    time,
    active        boolean     not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null
);
create index auto_approve_rule_by_flat on auto_approve_rule (flat_id, created_at, id);
