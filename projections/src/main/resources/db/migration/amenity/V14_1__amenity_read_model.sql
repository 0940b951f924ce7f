-- Amenities and their bookings (projection group "amenities"). amenity.version is the aggregate sequence number
-- last applied to the amenity's row; bookings are inserted once and change only along their status
-- (PENDING -> CONFIRMED, active -> CANCELLED), so a re-delivered event changes nothing.
create table amenity (
    id                    uuid primary key,
    society_id            uuid          not null,
    name                  text          not null,
    type                  text          not null,
    description           text,
    capacity              integer,
    open_time             text          not null,
    close_time            text          not null,
    slot_minutes          integer       not null,
    advance_booking_days  integer       not null,
    max_bookings_per_user integer       not null,
    price_per_hour        numeric(12,2) not null,
    requires_approval     boolean       not null,
    active                boolean       not null,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    version               bigint        not null
);
create index amenity_by_society on amenity (society_id, name);

create table amenity_booking (
    id                  uuid primary key,
    amenity_id          uuid          not null,
    amenity_name        text          not null,
    society_id          uuid          not null,
    user_id             uuid          not null,
    flat_id             uuid,
    booking_date        date          not null,
    start_time          text          not null,
    end_time            text          not null,
    starts_at           timestamptz   not null,
    ends_at             timestamptz   not null,
    status              text          not null,
    guest_count         integer       not null,
    purpose             text,
    amount              numeric(12,2) not null,
    approved_by_id      uuid,
    approved_at         timestamptz,
    cancelled_by_id     uuid,
    cancelled_at        timestamptz,
    cancellation_reason text,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null
);
create index amenity_booking_by_society on amenity_booking (society_id, created_at desc);
create index amenity_booking_by_day on amenity_booking (amenity_id, booking_date);
create index amenity_booking_by_user on amenity_booking (user_id, created_at desc);
