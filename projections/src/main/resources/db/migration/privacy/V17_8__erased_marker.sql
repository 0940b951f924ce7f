-- The erased marker (issue 16): a row whose person's data was erased says so (views answer "erased": true next to
-- the null fields), set by the projection when it applies PersonalDataErased, so a rebuild ends the same.
alter table entry_request add column erased boolean not null default false;
alter table gate_entry add column erased boolean not null default false;
alter table pre_approval add column erased boolean not null default false;
alter table gate_pass add column erased boolean not null default false;
alter table staff_member add column erased boolean not null default false;
alter table directory_user add column erased boolean not null default false;
alter table vendor add column erased boolean not null default false;
alter table complaint add column erased boolean not null default false;
