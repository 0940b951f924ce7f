-- A society's own retention of personal data (issue 16), in days; null: the installation's setting. Written with
-- RetentionChanged in the command's transaction; read by the retention job.
create table privacy_retention (
    society_id       uuid primary key,
    visitor_days     integer,
    entry_photo_days integer,
    deactivated_days integer,
    changed_at       timestamptz not null
);
