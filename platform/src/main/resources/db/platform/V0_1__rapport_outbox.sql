-- Transactional outbox (rapport-platform). A service writes its state change and a row here in one
-- transaction; the relay publishes unsent rows to Kafka in seq order and marks them sent.
create table rapport_outbox (
    id          uuid primary key,
    seq         bigint generated always as identity unique,
    topic       text        not null,
    type        text        not null,
    source      text        not null,
    subject     text        not null,
    payload     text        not null,
    traceparent text,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz,
    attempts    integer     not null default 0,
    last_error  text
);
create index rapport_outbox_unsent on rapport_outbox (seq) where sent_at is null;
create index rapport_outbox_sent on rapport_outbox (sent_at) where sent_at is not null;
