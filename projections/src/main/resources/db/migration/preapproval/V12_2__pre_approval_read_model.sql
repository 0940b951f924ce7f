-- Pre-approvals as the apps see them. Rows carry the aggregate sequence number they reflect, so a
-- re-delivered event never moves a row backwards.
create table pre_approval (
    id             uuid primary key,
    society_id     uuid        not null,
    flat_id        uuid        not null,
    created_by_id  uuid        not null,
    visitor_name   text        not null,
    visitor_phone  text        not null,
    visitor_type   text        not null,
    purpose        text,
    vehicle_number text,
    valid_from     timestamptz not null,
    valid_until    timestamptz not null,
    max_uses       integer     not null,
    used_count     integer     not null,
    status         text        not null,
    code           varchar(6)  not null,
    last_used_at   timestamptz,
    ended_at       timestamptz,
    created_at     timestamptz not null,
    version        bigint      not null
);
create index pre_approval_by_flat on pre_approval (flat_id, created_at desc, id);
create index pre_approval_by_society on pre_approval (society_id, created_at desc, id);
