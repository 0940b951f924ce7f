-- The audit index keeps each event's payload (as JSON, secrets redacted) and its identifier, so the trail
-- and the export read only this table: events come from Axon's event store API (tracked event stream),
-- never from SQL on the event store's tables, and the same code runs on PostgreSQL and on Axon Server.
-- Rows indexed before this had no payload: the index is rebuilt from the first event (its token removed).
truncate audit_event_index;
alter table audit_event_index add column event_id text not null;
alter table audit_event_index add column payload text not null;
delete from token_entry where processor_name = 'audit-index';
