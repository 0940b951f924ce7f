-- Command-side lookups for the rules of onboarding and family (issue 14). Written in the
-- transaction of the command that decides; never replayed, never served.
-- Who lives in which flat (active residents and invited family members): the family cap counts these.
create table directory_lookup_resident (
    user_id uuid primary key,
    flat_id uuid not null
);
create index directory_lookup_resident_by_flat on directory_lookup_resident (flat_id);

-- A flat's primary resident: the first resident it had; may invite family.
create table directory_lookup_primary (
    flat_id uuid primary key,
    user_id uuid not null
);

-- One owner per flat: claimed by an owner's onboarding request while pending, kept once approved.
create table directory_lookup_owner (
    flat_id uuid primary key,
    user_id uuid not null
);
