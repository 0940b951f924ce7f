-- Issue 15: what the flat's phones did with a request, for the guard's gate.requests.stream.
-- phones_reached: distinct phones whose app reported showing one of the request's notifications;
-- opened_at: when a resident first opened (read) one of them.
alter table entry_request add column phones_reached integer not null default 0;
alter table entry_request add column opened_at timestamptz;

-- The residents' notifications about a request (the request and its reminder), from NotificationSent.
create table entry_request_notification (
    notification_id uuid primary key,
    request_id      uuid not null,
    opened_at       timestamptz
);
create index entry_request_notification_by_request on entry_request_notification (request_id);

-- One row per phone that showed any of a request's notifications (phone_key: the device id, or the user id
-- when the app named no device): the primary key makes a receipt count once per phone and request.
create table entry_request_receipt (
    request_id   uuid not null,
    phone_key    text not null,
    delivered_at timestamptz not null,
    primary key (request_id, phone_key)
);
