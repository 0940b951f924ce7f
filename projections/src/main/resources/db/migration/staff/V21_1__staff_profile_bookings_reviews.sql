-- Domestic staff in full: profile, verified badge, availability, bookings and reviews (projection group "staff").
-- Every row keeps the aggregate sequence number it reflects ("version"); rows are guarded by it, so a
-- re-delivered event changes nothing. Rating and review count are recomputed from staff_review (idempotent).
alter table staff_member
    add column languages               text[]  not null default '{}',
    add column experience_years        integer,
    add column id_proof_type           text,
    add column id_proof_number         text,
    add column address                 text,
    add column emergency_contact_name  text,
    add column emergency_contact_phone text,
    add column description             text,
    add column verified                boolean not null default false,
    add column verified_at             timestamptz,
    add column verified_by             uuid,
    add column availability            text    not null default 'AVAILABLE',
    add column rating                  numeric(3, 2),
    add column review_count            integer not null default 0;
create index staff_member_search on staff_member (society_id, lower(name));

create table staff_booking (
    id               uuid primary key,
    staff_id         uuid        not null,
    staff_name       text        not null,
    society_id       uuid        not null,
    flat_id          uuid        not null,
    booked_by        uuid        not null,
    booking_date     date        not null,
    start_time       time        not null,
    end_time         time        not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    work_type        text        not null,
    requirements     text,
    status           text        not null,
    decided_by       uuid,
    decided_at       timestamptz,
    rejection_reason text,
    actual_minutes   integer,
    final_cost       numeric(12, 2),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);
create index staff_booking_by_society on staff_booking (society_id, starts_at desc);
create index staff_booking_by_staff on staff_booking (staff_id, starts_at);
create index staff_booking_by_flat on staff_booking (flat_id, starts_at desc);

create table staff_review (
    id            uuid primary key,
    staff_id      uuid        not null,
    society_id    uuid        not null,
    reviewer_id   uuid        not null,
    reviewer_flat uuid        not null,
    month         text        not null,
    rating        integer     not null,
    quality       integer,
    punctuality   integer,
    behaviour     integer,
    comment       text,
    hidden        boolean     not null default false,
    hidden_by     uuid,
    hidden_reason text,
    hidden_at     timestamptz,
    created_at    timestamptz not null,
    version       bigint      not null
);
create index staff_review_by_staff on staff_review (staff_id, created_at desc);
