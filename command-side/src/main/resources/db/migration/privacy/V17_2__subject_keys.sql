-- One data key per data subject (issue 16): the serializer encrypts each @PersonalData field of an event with the
-- key of its subject. Keys are stored wrapped (AES-GCM) with the master key, which is never in the database.
-- Erasing a subject deletes its row: every field sealed with that key then reads as erased. Command side only:
-- never replayed, never served. key_id is written into every sealed field, so a key made after an erasure (new
-- data about the same subject) never opens what was sealed before it. society_id: the society of the first event
-- sealed for the subject (retention and erasure events name it).
create table subject_keys (
    key_id       uuid primary key,
    subject_id   uuid        not null unique,
    subject_kind text        not null,
    society_id   uuid,
    wrapped_key  bytea       not null,
    created_at   timestamptz not null default now()
);
-- the retention job's question: whose key is older than the retention of their kind
create index subject_keys_by_age on subject_keys (subject_kind, created_at);
