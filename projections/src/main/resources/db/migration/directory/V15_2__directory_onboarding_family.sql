-- Issue 14: accounts signed up by one-time code (no password), profiles, family members, and
-- onboarding requests with their history.
alter table directory_user alter column password_hash drop not null;
alter table directory_user add column email text;
alter table directory_user add column photo_key text;
alter table directory_user add column primary_resident boolean not null default false;
alter table directory_user add column family_role text;
alter table directory_user add column invited boolean not null default false;
alter table directory_user add column invited_by uuid;

create table onboarding_request (
    id                    uuid primary key,
    user_id               uuid        not null,
    society_id            uuid        not null,
    block                 text        not null,
    flat_id               uuid        not null,
    resident_type         text        not null,
    status                text        not null,
    documents             jsonb       not null,
    rejection_reason      text,
    resubmit_reason       text,
    documents_to_resubmit jsonb,
    resubmission_count    int         not null default 0,
    submitted_at          timestamptz not null,
    reviewed_by           uuid,
    reviewed_at           timestamptz,
    updated_at            timestamptz not null,
    version               bigint      not null
);
create index onboarding_request_by_user on onboarding_request (user_id, submitted_at desc);
create index onboarding_request_by_society on onboarding_request (society_id, status, submitted_at desc);

create table onboarding_history (
    request_id      uuid        not null,
    version         bigint      not null,
    action          text        not null,
    performed_by    uuid        not null,
    previous_status text,
    new_status      text        not null,
    notes           text,
    metadata        jsonb,
    at              timestamptz not null,
    primary key (request_id, version)
);
