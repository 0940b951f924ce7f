-- Delivery patterns: the company of each visitor let in (a ProviderTag name, null when none was given) and
-- whether nobody had to approve them at the gate (an expected delivery or a standing rule of the flat).
alter table report_entry add column provider text;
alter table report_entry add column auto_approved boolean not null default false;

-- Entries recorded before these columns: filled once from the gate log, which holds the same facts (a replay of
-- report-entries writes the same values from the events).
update report_entry r set provider = g.provider_tag, auto_approved = g.auto_approval_reason is not null
from gate_entry g where g.id = r.entry_id;
