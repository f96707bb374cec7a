-- Rows created by the Idempotency-Key probe (IdempotencyIT).
create table probe_ticket (
    id    uuid primary key,
    title text not null
);
