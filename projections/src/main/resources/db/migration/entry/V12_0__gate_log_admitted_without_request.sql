-- Entries admitted without a request (a pre-approval's scan, an auto-approved delivery), and what the
-- gate log shows about them.
alter table gate_entry alter column entry_request_id drop not null;
alter table gate_entry add column pre_approval_id uuid;
alter table gate_entry add column auto_approval_reason text;
alter table gate_entry add column vehicle_number text;
alter table gate_entry add column package_count integer;
create index gate_entry_by_pre_approval on gate_entry (pre_approval_id) where pre_approval_id is not null;
