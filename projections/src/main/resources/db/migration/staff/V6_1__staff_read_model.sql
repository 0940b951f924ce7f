-- Staff read model (projection group "staff"). staff_member.version is the aggregate sequence number
-- last applied, so a re-delivered event never moves a row backwards; visits are keyed by their id and
-- closed only while open, so re-delivery changes nothing either.
create table staff_member (
    id                    uuid primary key,
    society_id            uuid        not null,
    name                  text        not null,
    phone                 text        not null,
    staff_type            text        not null,
    photo_key             text,
    flat_ids              uuid[]      not null,
    active                boolean     not null,
    qr_version            integer     not null,
    current_attendance_id uuid,
    current_check_in_time timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint      not null
);
create index staff_member_by_society on staff_member (society_id, created_at desc);
create index staff_member_by_flat on staff_member using gin (flat_ids);
create index staff_member_inside on staff_member (society_id, current_check_in_time desc)
    where current_attendance_id is not null;

create table staff_attendance (
    id                  uuid primary key,
    staff_id            uuid        not null,
    society_id          uuid        not null,
    staff_name          text        not null,
    staff_type          text        not null,
    flat_ids            uuid[]      not null,
    check_in_time       timestamptz not null,
    check_out_time      timestamptz,
    duration_minutes    bigint,
    checked_in_by       uuid,
    checked_out_by      uuid,
    work_completed      boolean,
    auto_closed         boolean     not null default false
);
create index staff_attendance_by_staff on staff_attendance (staff_id, check_in_time desc);
create index staff_attendance_open on staff_attendance (society_id) where check_out_time is null;
