-- The notice board. Rows carry the aggregate sequence number they reflect, so a re-delivered event never moves
-- a row backwards; views are counted once per member (notice_view), so a re-delivered NoticeViewed counts nothing.
create table notice (
    id            uuid primary key,
    society_id    uuid        not null,
    type          text        not null,
    priority      text        not null,
    title         text        not null,
    description   text        not null,
    images        uuid[]      not null,
    documents     uuid[]      not null,
    created_by_id uuid        not null,
    is_pinned     boolean     not null,
    publish_at    timestamptz not null,
    published_at  timestamptz,
    expires_at    timestamptz,
    view_count    bigint      not null default 0,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null
);
create index notice_board on notice (society_id, is_pinned desc, publish_at desc, id);

create table notice_view (
    notice_id uuid not null,
    user_id   uuid not null,
    primary key (notice_id, user_id)
);
