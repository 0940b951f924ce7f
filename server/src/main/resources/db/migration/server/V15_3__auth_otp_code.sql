-- One-time sign-in codes (issue 14): secrets, so never in an event. Only a bcrypt hash of the code
-- is kept. A phone's newest unused code is the live one; sending another retires the older ones.
-- Rows older than an hour (the send limits' window) are deleted.
create table auth_otp_code (
    id         bigint generated always as identity primary key,
    phone      text        not null,
    address    text        not null,
    code_hash  text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    attempts   int         not null default 0,
    used_at    timestamptz
);
create index auth_otp_code_by_phone on auth_otp_code (phone, created_at);
create index auth_otp_code_by_address on auth_otp_code (address, created_at);
