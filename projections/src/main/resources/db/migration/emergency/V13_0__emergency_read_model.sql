-- Emergencies (SOS) as the apps see them. Rows carry the aggregate sequence number they reflect, so a
-- re-delivered event never moves a row backwards.
create table emergency (
    id               uuid primary key,
    society_id       uuid        not null,
    type             text        not null,
    status           text        not null,
    description      text,
    location         text,
    reported_by_id   uuid        not null,
    reporter_name    text,
    flat_id          uuid,
    block            text,
    flat_number      text,
    responded_by_id  uuid,
    responder_name   text,
    responded_at     timestamptz,
    resolved_by_id   uuid,
    resolved_at      timestamptz,
    notes            text,
    escalation_count int         not null default 0,
    escalated_at     timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);
create index emergency_by_society on emergency (society_id, created_at desc, id);
create index emergency_by_reporter on emergency (reported_by_id, created_at desc, id);
create index emergency_active on emergency (society_id, created_at desc) where status = 'ACTIVE';
