-- Notification read model (notifications projection). Rows leave after the retention period
-- (gatehouse.notifications.retention); the events stay in the event store.
--
-- change_seq orders one user's changes (sent, then read) as the projection applied them: the
-- projection handles one user's events in order, so a snapshot of a user's rows always holds a
-- prefix of that user's changes, and a live stream tells old from new by it. The sequence is not
-- reset with the table (a replay continues above the old values, so connected streams stay right).
create sequence notification_change_seq;

create table notification (
    id             uuid primary key,
    user_id        uuid        not null,
    society_id     uuid,
    type           text        not null,
    title          text        not null,
    message        text        not null,
    data           jsonb       not null,
    reference_id   text,
    reference_type text,
    is_read        boolean     not null,
    read_at        timestamptz,
    created_at     timestamptz not null,
    sent_seq       bigint      not null,
    change_seq     bigint      not null
);
create index notification_by_user on notification (user_id, created_at desc, sent_seq desc);
create index notification_feed on notification (user_id, change_seq);
create index notification_unread on notification (user_id, change_seq) where not is_read;
create index notification_by_age on notification (created_at);
