-- The read models added since V17_3 that keep a copy of a person's data drop it when PersonalDataErased says so, and
-- a replay of an erased person's events reads their personal fields as null (issue 16): those columns accept null.
-- (staff_booking.staff_name, created by V21_1 after this version, is made nullable by R__erasable_columns.sql.)
alter table pre_approval alter column visitor_name drop not null, alter column visitor_phone drop not null;
alter table complaint alter column title drop not null, alter column description drop not null;
alter table vendor alter column name drop not null, alter column phone drop not null;
