-- Read models drop a person's data when PersonalDataErased says so, and a replay of an erased person's events
-- reads their personal fields as null (issue 16): the columns that held them accept null. Notifications remember
-- whom their text is about, to find them at erasure.
alter table directory_user alter column name drop not null, alter column phone drop not null;
alter table staff_member alter column name drop not null, alter column phone drop not null;
alter table staff_attendance alter column staff_name drop not null;
alter table report_staff_visit alter column staff_name drop not null;
alter table notification alter column message drop not null, add column about_id uuid;
create index notification_about on notification (about_id) where about_id is not null;
