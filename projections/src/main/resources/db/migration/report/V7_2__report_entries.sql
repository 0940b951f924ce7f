-- Analytics: one row per entry request and one per admitted visitor, rebuilt from the events.
create table report_entry_request (
    request_id uuid primary key,
    society_id uuid        not null,
    type       text        not null,
    status     text        not null,
    raised_at  timestamptz not null,
    decided_at timestamptz
);
create index report_entry_request_by_society on report_entry_request (society_id, raised_at);

create table report_entry (
    entry_id   uuid primary key,
    society_id uuid        not null,
    type       text        not null,
    entered_at timestamptz not null
);
create index report_entry_by_society on report_entry (society_id, entered_at);
