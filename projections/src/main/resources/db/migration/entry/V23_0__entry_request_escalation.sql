-- Escalation of a request nobody answers (issue 15), as the request shows it: when the flat's residents were pushed
-- again (EntryRequestReminded) and when the raising guard was told (EntryRequestUnanswered). The residents to call
-- are read from the directory when the request is read, never copied here.
alter table entry_request add column reminded_at timestamptz;
alter table entry_request add column guard_alerted_at timestamptz;
