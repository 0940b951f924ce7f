-- The built-in issuer's signing keys, shared by every instance: an access token or staff card signed by
-- one instance verifies on all. The newest active key of an algorithm signs; every active key verifies and
-- is published at /.well-known/jwks.json. Rotating adds a newer key; retiring one (retired_at) stops it
-- verifying. The private key is kept as a JWK (JSON), like the key file it replaces (<data-dir>/keys).
create table signing_key (
    kid        text primary key,
    algorithm  text        not null,
    jwk        text        not null,
    created_at timestamptz not null,
    retired_at timestamptz
);
create index signing_key_active on signing_key (algorithm, created_at) where retired_at is null;
