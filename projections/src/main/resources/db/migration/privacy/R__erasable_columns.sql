-- Columns holding a copy of a person's data in read models created by migrations numbered after the privacy ones
-- (V17_x): they accept null, because PersonalDataErased empties them and a replay of an erased person's events
-- reads their personal fields as null (issue 16). A repeatable migration runs after every versioned one (and again
-- when this file changes), so it reaches tables whatever their version; each statement is harmless to repeat and
-- skips a table not there yet (a migration stopped at an earlier target).
-- Add a line here for a new read model's personal column that is "not null" in a migration newer than V17_x.
do $$
begin
    if to_regclass('staff_booking') is not null then
        alter table staff_booking alter column staff_name drop not null;
    end if;
end
$$;
