-- The 6-digit entry codes of pre-approvals: a lookup owned by the command side, written in the same
-- transaction as the pre-approval's events. A code is unique among the society's ACTIVE pre-approvals;
-- once its pre-approval ends (used up, expired, cancelled) the row stays, inactive, so a late scan of the
-- code still finds it and is told why it no longer admits anyone, and the code may be given out again.
create table preapproval_code (
    pre_approval_id uuid primary key,
    society_id      uuid        not null,
    code            varchar(6)  not null,
    active          boolean     not null,
    released_at     timestamptz
);
create unique index preapproval_code_active on preapproval_code (society_id, code) where active;
create index preapproval_code_by_code on preapproval_code (society_id, code);
