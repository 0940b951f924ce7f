-- Each entry is read with its visitor's visits to the same flat in the 30 days before it (frequent visitors).
create index gate_entry_visits on gate_entry (flat_id, visitor_phone, entered_at) where visitor_phone is not null;
