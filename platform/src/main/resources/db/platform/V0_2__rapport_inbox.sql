-- Idempotent inbox (rapport-platform): one row per (consumer, event id) processed, written in the
-- same transaction as the event's effect, so a redelivered event has no second effect.
create table rapport_inbox (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index rapport_inbox_processed_at on rapport_inbox (processed_at);
