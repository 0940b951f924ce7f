-- Every society has a time zone (an IANA region id): its reports, rules and opening hours count days and
-- hours in it. Societies created before had none: they are in India Standard Time.
alter table directory_society add column time_zone text not null default 'Asia/Kolkata';
