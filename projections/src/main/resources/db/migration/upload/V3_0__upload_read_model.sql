-- Uploads read model: one row per upload from the moment its URL is issued (confirmed_at null
-- while unconfirmed, for the orphan sweep) until it is deleted or abandoned. Only confirmed rows
-- are documents. Rows carry the aggregate sequence number they reflect.
create table upload_document (
    id           uuid primary key,
    society_id   uuid        not null,
    s3_key       text        not null unique,
    file_name    text        not null,
    file_size    bigint      not null,
    mime_type    text        not null,
    purpose      text        not null,
    uploaded_by  uuid        not null,
    issued_at    timestamptz not null,
    confirmed_at timestamptz,
    version      bigint      not null
);
create index upload_document_unconfirmed on upload_document (issued_at) where confirmed_at is null;
