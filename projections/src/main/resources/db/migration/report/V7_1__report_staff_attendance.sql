-- Analytics: one row per staff visit, rebuilt from the attendance events (replayable).
create table report_staff_visit (
    attendance_id  uuid primary key,
    society_id     uuid        not null,
    staff_id       uuid        not null,
    staff_name     text        not null,
    staff_type     text        not null,
    check_in_time  timestamptz not null,
    check_out_time timestamptz,
    minutes        bigint
);
create index report_staff_visit_by_society on report_staff_visit (society_id, check_in_time);
