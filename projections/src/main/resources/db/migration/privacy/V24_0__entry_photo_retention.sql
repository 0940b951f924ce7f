-- Entry photos leave the object store after their retention (issue 16): the entry views say when, without a key.
alter table entry_request add column photo_deleted_at timestamptz;
alter table gate_entry add column photo_deleted_at timestamptz;
create index gate_entry_by_photo on gate_entry (photo_key) where photo_key is not null;
-- the retention job asks for a purpose's documents confirmed before a cut-off, oldest first
create index upload_document_confirmed on upload_document (purpose, confirmed_at, id) where confirmed_at is not null;
