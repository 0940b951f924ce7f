-- Entry requests as the apps see them (contract fields). Rows carry the aggregate sequence number
-- they reflect, so a re-delivered event never moves a row backwards.
create table entry_request (
    id               uuid primary key,
    society_id       uuid        not null,
    flat_id          uuid        not null,
    type             text        not null,
    status           text        not null,
    visitor_name     text,
    visitor_phone    text,
    provider_tag     text,
    photo_key        text,
    guard_id         uuid        not null,
    approved_by_id   uuid,
    approved_at      timestamptz,
    rejected_at      timestamptz,
    rejection_reason text,
    expires_at       timestamptz not null,
    entry_id         uuid,
    created_at       timestamptz not null,
    version          bigint      not null
);
create index entry_request_by_society on entry_request (society_id, created_at desc, id);
create index entry_request_by_flat on entry_request (flat_id, created_at desc, id);
create index entry_request_pending on entry_request (society_id, flat_id, created_at desc) where status = 'PENDING';
create index entry_request_by_photo on entry_request (photo_key) where photo_key is not null;
