-- Complaints read model (projection group "complaints"). complaint.version is the aggregate sequence number
-- last applied: a re-delivered event never moves a row backwards. reporter_id is kept even for anonymous
-- complaints (the reporter's own list needs it); it is hidden where the complaint is served.
-- Reports (by category/status/priority, hours to resolve) read created_at and first_resolved_at.
create table complaint (
    id                uuid primary key,
    society_id        uuid        not null,
    flat_id           uuid,
    reporter_id       uuid        not null,
    anonymous         boolean     not null,
    category          text        not null,
    priority          text        not null,
    priority_rank     smallint    not null,
    status            text        not null,
    title             text        not null,
    description       text        not null,
    images            uuid[]      not null,
    location          text,
    assigned_to_id    uuid,
    assigned_at       timestamptz,
    resolved_by_id    uuid,
    resolved_at       timestamptz,
    first_resolved_at timestamptz,
    resolution        text,
    rejection_reason  text,
    reopen_count      integer     not null default 0,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null
);
create index complaint_by_society on complaint (society_id, created_at desc);
create index complaint_by_reporter on complaint (reporter_id, created_at desc);
create index complaint_by_society_status on complaint (society_id, status, category, priority);
