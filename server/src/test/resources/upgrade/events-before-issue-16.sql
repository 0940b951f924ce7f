-- A society as Gatehouse main at 60e10b1 (before issue 16) stored it: its events in Axon's event table exactly in
-- that version's layout (Jackson JSON payloads, UserRegistered without a revision and WITH the bcrypt hash of the
-- resident's password "Gate-Old-Pass-2026"), and the command side's lookups written in the same transactions.
-- No read model rows and no processor tokens: the upgraded server rebuilds its read models from these events.
insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload_revision, payload, meta_data)
values ('0b6f5c1e-5d0c-4b8e-9a51-000000000001', '5a1e0000-0000-4000-8000-000000000001', 0, 'Society',
        '2026-11-30T09:00:00Z', 'com.gatehouse.api.directory.SocietyEvent$SocietyCreated', null,
        convert_to('{"societyId":"5a1e0000-0000-4000-8000-000000000001","name":"Old Oaks","city":"Pune","createdAt":"2026-11-30T09:00:00Z"}', 'UTF8'),
        convert_to('{"actorRole":"SUPER_ADMIN"}', 'UTF8')),
       ('0b6f5c1e-5d0c-4b8e-9a51-000000000002', '5a1e0000-0000-4000-8000-000000000001', 1, 'Society',
        '2026-11-30T09:01:00Z', 'com.gatehouse.api.directory.SocietyEvent$FlatAdded', null,
        convert_to('{"societyId":"5a1e0000-0000-4000-8000-000000000001","flatId":"f1a70000-0000-4000-8000-000000000001","block":"A","number":"101","addedAt":"2026-11-30T09:01:00Z"}', 'UTF8'),
        convert_to('{"actorRole":"SUPER_ADMIN"}', 'UTF8')),
       ('0b6f5c1e-5d0c-4b8e-9a51-000000000003', '05e40000-0000-4000-8000-000000000001', 0, 'User',
        '2026-11-30T09:02:00Z', 'com.gatehouse.api.directory.UserEvent$UserRegistered', null,
        convert_to('{"userId":"05e40000-0000-4000-8000-000000000001","name":"Meera Old","phone":"9199900001","passwordHash":"$2a$10$bB87ihZazwozv9nDxSe9COi4W/TXrJSQ7TgvuHmeo5ODUz54WR/Fi","role":"RESIDENT","societyId":"5a1e0000-0000-4000-8000-000000000001","flatId":"f1a70000-0000-4000-8000-000000000001","registeredAt":"2026-11-30T09:02:00Z"}', 'UTF8'),
        convert_to('{"actorRole":"SUPER_ADMIN","societyId":"5a1e0000-0000-4000-8000-000000000001"}', 'UTF8'));

insert into directory_lookup_society (society_id) values ('5a1e0000-0000-4000-8000-000000000001');
insert into directory_lookup_flat (flat_id, society_id)
values ('f1a70000-0000-4000-8000-000000000001', '5a1e0000-0000-4000-8000-000000000001');
insert into directory_lookup_phone (phone, user_id) values ('9199900001', '05e40000-0000-4000-8000-000000000001');
