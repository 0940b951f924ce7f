-- Accounts whose password an admin reset (issue 14): they must choose a new one before they can log in. Beside the
-- credentials table (the command side's secrets; never replayed, never served), written in the transaction of the
-- command that resets or changes the password.
create table credentials_change_required (
    user_id     uuid primary key,
    required_at timestamptz not null
);
