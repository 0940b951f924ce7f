-- Legal holds and the deactivation retention rule (issue 16), command side.
-- legal_hold: the subjects whose data is not erased while the hold lasts (written with LegalHoldPlaced/Released).
create table legal_hold (
    subject_id   uuid primary key,
    subject_kind text        not null,
    society_id   uuid,
    reason       text        not null,
    placed_by    uuid        not null,
    placed_at    timestamptz not null
);
-- privacy_deactivation: deactivated users and staff members since when (from the events, group
-- privacy-deactivations); the retention job erases them gatehouse.privacy.deactivated-retention later.
create table privacy_deactivation (
    subject_id     uuid primary key,
    subject_kind   text        not null,
    society_id     uuid,
    deactivated_at timestamptz not null
);
create index privacy_deactivation_by_age on privacy_deactivation (deactivated_at);
