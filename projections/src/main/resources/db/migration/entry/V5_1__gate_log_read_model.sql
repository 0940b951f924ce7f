-- The gate log: one row per entry, open while exited_at is null. Versioned like entry_request.
create table gate_entry (
    id                  uuid primary key,
    entry_request_id    uuid        not null,
    society_id          uuid        not null,
    flat_id             uuid        not null,
    type                text        not null,
    visitor_name        text,
    visitor_phone       text,
    provider_tag        text,
    photo_key           text,
    guard_id            uuid        not null,
    approved_by_id      uuid,
    entered_at          timestamptz not null,
    exited_at           timestamptz,
    checked_out_by_id   uuid,
    overstay_alerted_at timestamptz,
    version             bigint      not null
);
create index gate_entry_by_society on gate_entry (society_id, entered_at desc, id);
create index gate_entry_by_flat on gate_entry (flat_id, entered_at desc, id);
create index gate_entry_open on gate_entry (society_id, entered_at desc) where exited_at is null;
