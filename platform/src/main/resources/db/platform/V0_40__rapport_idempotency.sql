-- Idempotency-Key records (rapport-platform, io.rapport.platform.idempotency): the stored answer of a POST sent with an
-- Idempotency-Key, written in the transaction of the request's own changes, so a create that committed is always
-- replayed (also when the gateway gave up on it with a 504 and the client retries). Scoped to the caller: the same
-- key sent by two subjects is two records. Expired rows (expires_at) are ignored and pruned by IdempotencyCleanup.
create table rapport_idempotency (
    subject      text        not null,
    idem_key     text        not null,
    method       text        not null,
    path         text        not null,
    request_hash text        not null,
    status       integer     not null,
    headers      jsonb       not null default '{}'::jsonb,
    body         bytea,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    primary key (subject, idem_key)
);
create index rapport_idempotency_expiry on rapport_idempotency (expires_at);
