-- Secrets of user accounts, out of the event stream (issue 16): the command side's credentials table.
-- Not a read model: never replayed, never served; written in the transaction of the command that sets it.
create table credentials (
    user_id       uuid primary key,
    password_hash text        not null,
    changed_at    timestamptz not null
);

-- Move the hashes that UserRegistered events carried into it, then drop them from the stored events (which now
-- say only that a password was set). Events kept in Axon Server cannot be rewritten here: their
-- hashes are dropped on read by PasswordHashUpcaster, and the hashes are taken from the directory read model.
do $$
declare
    registered constant text := 'com.gatehouse.api.directory.UserEvent$UserRegistered';
begin
    if to_regclass('domain_event_entry') is not null then
        insert into credentials (user_id, password_hash, changed_at)
        select (p ->> 'userId')::uuid, p ->> 'passwordHash', now()
        from (select convert_from(payload, 'UTF8')::jsonb as p
              from domain_event_entry
              where payload_type = registered) old
        where p ->> 'passwordHash' is not null
        on conflict (user_id) do nothing;

        update domain_event_entry
        set payload = convert_to(((convert_from(payload, 'UTF8')::jsonb - 'passwordHash')
                                  || jsonb_build_object('passwordSet',
                                         (convert_from(payload, 'UTF8')::jsonb ->> 'passwordHash') is not null))::text,
                                 'UTF8')
        where payload_type = registered and convert_from(payload, 'UTF8')::jsonb ? 'passwordHash';
    end if;
    if exists (select 1 from information_schema.columns
               where table_name = 'directory_user' and column_name = 'password_hash') then
        insert into credentials (user_id, password_hash, changed_at)
        select id, password_hash, created_at from directory_user where password_hash is not null
        on conflict (user_id) do nothing;
    end if;
end $$;
