-- The flats a staff member works for, with what each flat agreed: working days (DayOfWeek names), hours (the
-- society's time), rate and rate type. Built by the staff-assignments group (replay it to fill it from history).
create table staff_assignment (
    staff_id     uuid        not null,
    flat_id      uuid        not null,
    society_id   uuid        not null,
    working_days text[]      not null,
    start_time   time,
    end_time     time,
    agreed_rate  numeric(12, 2),
    rate_type    text,
    assigned_at  timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null,
    primary key (staff_id, flat_id)
);
