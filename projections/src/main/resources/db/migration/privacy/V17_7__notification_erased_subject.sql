-- Subjects erased, as the notification projection knows them (issue 16): a notification about someone written by
-- one segment while another applies their erasure finds here that they are gone (see NotificationProjection).
create table notification_erased_subject (
    subject_id uuid primary key
);
