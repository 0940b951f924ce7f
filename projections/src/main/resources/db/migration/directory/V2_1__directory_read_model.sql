-- Directory read model. Rows carry the aggregate sequence number they reflect, so a
-- re-delivered event never moves a row backwards.
create table directory_society (
    id         uuid primary key,
    name       text        not null,
    city       text        not null,
    created_at timestamptz not null
);

create table directory_flat (
    id         uuid primary key,
    society_id uuid        not null,
    block      text        not null,
    number     text        not null,
    created_at timestamptz not null
);
create index directory_flat_by_society on directory_flat (society_id, created_at desc);

create table directory_user (
    id            uuid primary key,
    name          text        not null,
    phone         text        not null unique,
    password_hash text        not null,
    role          text        not null,
    society_id    uuid,
    flat_id       uuid,
    active        boolean     not null,
    created_at    timestamptz not null,
    version       bigint      not null
);
create index directory_user_by_society on directory_user (society_id, created_at desc);
create index directory_user_by_flat on directory_user (flat_id) where active;
