-- Push delivery (command side, never in events): the devices that receive pushes (their tokens are
-- secrets), each user's quiet hours and muted categories, and the transactional outbox of pushes.

create table push_device (
    id            uuid primary key,
    user_id       uuid        not null,
    society_id    uuid,
    platform      varchar(8)  not null,
    token         text        not null unique,
    app_version   varchar(40),
    registered_at timestamptz not null
);
create index push_device_user on push_device (user_id, registered_at);

create table push_preferences (
    user_id     uuid primary key,
    quiet_from  time,
    quiet_to    time,
    time_zone   varchar(64),
    muted_types text[] not null default '{}'
);

-- One row per (notification, device): message_id is derived from both, so enqueueing twice is a no-op.
-- Written in the transaction that stores the NotificationSent event; drained by PushDrainer.
create table push_outbox (
    message_id      uuid primary key,
    notification_id uuid        not null,
    device_id       uuid        not null,
    user_id         uuid        not null,
    society_id      uuid,
    payload         jsonb       not null,
    status          varchar(12) not null default 'PENDING',
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    claimed_by      varchar(80),
    claimed_until   timestamptz,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    last_error      varchar(500)
);
create index push_outbox_due on push_outbox (next_attempt_at) where status = 'PENDING';
create index push_outbox_society on push_outbox (society_id, status);
create index push_outbox_notification on push_outbox (notification_id);
