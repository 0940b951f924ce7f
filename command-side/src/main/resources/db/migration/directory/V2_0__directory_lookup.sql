-- Lookups owned by the command side, written in the same transaction as the command that
-- decides: they enforce rules that span aggregates (a phone belongs to one user; a flat
-- belongs to one society). Not a read model: never replayed, never served.
create table directory_lookup_society (
    society_id uuid primary key
);

create table directory_lookup_flat (
    flat_id    uuid primary key,
    society_id uuid not null references directory_lookup_society (society_id)
);

create table directory_lookup_phone (
    phone   varchar(32) primary key,
    user_id uuid not null unique
);
