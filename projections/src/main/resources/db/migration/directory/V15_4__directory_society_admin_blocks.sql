-- Society administration (issue 14): address and the office's contact, the active flag, and the version of the
-- society aggregate last applied (changes are guarded by it); blocks declared with floors; a flat's floor.
alter table directory_society
    add column address       text,
    add column state         text,
    add column pincode       text,
    add column contact_name  text,
    add column contact_phone text,
    add column contact_email text,
    add column active        boolean not null default true,
    add column version       bigint  not null default 0;

create table directory_block (
    id         uuid primary key,
    society_id uuid        not null,
    name       text        not null,
    floors     int         not null,
    created_at timestamptz not null
);
create index directory_block_by_society on directory_block (society_id);

alter table directory_flat add column floor int;
