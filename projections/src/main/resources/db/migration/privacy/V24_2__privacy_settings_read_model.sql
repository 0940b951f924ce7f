-- What admins read of a society's privacy settings (issue 16), group privacy-settings: its own retention (null: the
-- installation's setting) and the legal holds in force.
create table privacy_retention_view (
    society_id       uuid primary key,
    visitor_days     integer,
    entry_photo_days integer,
    deactivated_days integer,
    changed_by       uuid,
    changed_at       timestamptz not null,
    version          bigint      not null
);
create table legal_hold_view (
    subject_id   uuid primary key,
    hold_id      uuid        not null,
    subject_kind text        not null,
    society_id   uuid,
    reason       text        not null,
    placed_by    uuid,
    placed_at    timestamptz not null,
    version      bigint      not null
);
create index legal_hold_view_by_society on legal_hold_view (society_id, placed_at desc, subject_id);
