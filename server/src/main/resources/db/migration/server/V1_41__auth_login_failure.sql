-- Failed logins of the last window (gatehouse.login.window), one row each, shared by every instance.
-- Keyed by phone and client address: failures from one address never lock the phone out elsewhere.
-- Rows older than the window are deleted, so the table stays small.
create table auth_login_failure (
    id        bigint generated always as identity primary key,
    phone     text        not null,
    address   text        not null,
    failed_at timestamptz not null
);
create index auth_login_failure_pair on auth_login_failure (phone, address, failed_at);
create index auth_login_failure_address on auth_login_failure (address, failed_at);
create index auth_login_failure_age on auth_login_failure (failed_at);
