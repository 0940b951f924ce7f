-- Where each stored event belongs, so an audit of one society (or one aggregate, or one night)
-- reads only its own events; payloads stay in domain_event_entry and are joined by global_index.
create table audit_event_index (
    global_index    bigint primary key,
    society_id      uuid,
    aggregate_type  text,
    aggregate_id    text,
    sequence_number bigint,
    event_type      text        not null,
    occurred_at     timestamptz not null,
    actor_id        text
);
create index audit_event_index_by_society on audit_event_index (society_id, global_index);
create index audit_event_index_by_aggregate on audit_event_index (aggregate_id, global_index);
create index audit_event_index_by_time on audit_event_index (occurred_at);
