-- Refresh tokens of the built-in issuer: stored as SHA-256 hashes, rotated on every use.
-- A family is one login; presenting a rotated token again revokes the whole family.
create table auth_refresh_token (
    token_hash text primary key,
    user_id    uuid        not null,
    family_id  uuid        not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index auth_refresh_token_family on auth_refresh_token (family_id);
create index auth_refresh_token_user on auth_refresh_token (user_id);
