-- The vendor directory (projection group "vendors"). vendor.version is the aggregate sequence number last applied,
-- so a re-delivered event never moves a row backwards; vendor_rating keeps one row per resident and vendor (the
-- latest rating), written with the same guard.
create table vendor (
    id              uuid primary key,
    society_id      uuid          not null,
    name            text          not null,
    category        text          not null,
    phone           text          not null,
    email           text,
    alternate_phone text,
    company_name    text,
    description     text,
    address         text,
    working_days    text[]        not null,
    working_hours   text,
    hourly_rate     numeric(12,2),
    min_charge      numeric(12,2),
    verified        boolean       not null default false,
    verified_at     timestamptz,
    rating          numeric(3,2)  not null default 0,
    total_reviews   integer       not null default 0,
    active          boolean       not null default true,
    added_by_id     uuid          not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null
);
create index vendor_by_society on vendor (society_id, category, verified desc, rating desc, name);

create table vendor_rating (
    vendor_id uuid        not null,
    user_id   uuid        not null,
    rating    smallint    not null,
    review    text,
    rated_at  timestamptz not null,
    version   bigint      not null,
    primary key (vendor_id, user_id)
);
