-- People's requests to have their data erased, for the society's admins (issue 16).
create table erasure_request (
    id              uuid primary key,
    society_id      uuid        not null,
    user_id         uuid        not null,
    status          text        not null,
    requested_at    timestamptz not null,
    carried_out_at  timestamptz,
    carried_out_by  uuid
);
create index erasure_request_by_society on erasure_request (society_id, requested_at desc, id);
