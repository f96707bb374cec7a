-- Dead letters (rapport-platform): the records a consumer could never apply, the source of truth of the
-- dead-letter admin API. A copy also goes to Kafka (<topic>.dlq, header dead-letter-consumer) through the outbox.
create table rapport_dead_letter (
    id              uuid        primary key,
    consumer        text        not null,
    topic           text        not null,
    kafka_partition integer     not null,
    kafka_offset    bigint      not null,
    event_id        text,
    event_type      text,
    subject         text,
    record_key      text,
    payload         text,
    headers         text        not null,
    error           text        not null,
    attempts        integer     not null,
    first_failed_at timestamptz not null default now(),
    last_failed_at  timestamptz not null default now(),
    status          text        not null default 'PENDING' check (status in ('PENDING', 'REDRIVEN', 'DISCARDED')),
    resolved_at     timestamptz,
    resolved_by     text,
    discard_reason  text
);
create unique index rapport_dead_letter_record
    on rapport_dead_letter (consumer, topic, kafka_partition, kafka_offset, (coalesce(event_id, '')));
create index rapport_dead_letter_status on rapport_dead_letter (status, consumer, first_failed_at);
