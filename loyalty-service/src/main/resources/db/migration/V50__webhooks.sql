-- Issue 20, part 1: partner webhooks (Standard Webhooks). A subscription belongs to a loyalty partner or to an
-- integration client an admin created; its signing secrets are stored encrypted (AES-GCM, README "Webhooks").
create table webhook_subscription (
    id                      uuid primary key,
    owner_kind              text        not null check (owner_kind in ('PARTNER', 'CLIENT')),
    partner_id              uuid references partner (id),
    client_name             text,
    url                     text        not null,
    description             text,
    -- the patterns as given (comma-separated, e.g. rapport.loyalty.*), matched against CloudEvent types
    event_types             text        not null,
    status                  text        not null check (status in ('ACTIVE', 'PAUSED', 'DISABLED')),
    disabled_reason         text,
    disabled_at             timestamptz,
    secret                  text        not null,
    previous_secret         text,
    previous_secret_until   timestamptz,
    created_at              timestamptz not null,
    created_by              text        not null,
    updated_at              timestamptz not null,
    version                 bigint      not null default 0,
    check ((owner_kind = 'PARTNER') = (partner_id is not null)),
    check ((owner_kind = 'CLIENT') = (client_name is not null))
);
create index webhook_subscription_partner on webhook_subscription (partner_id);

-- One row per (subscription, event): the unique key makes fan-out idempotent. Deliveries of one subscription and one
-- subject (customer) go out in seq order: a later one waits while an earlier one is PENDING.
create table webhook_delivery (
    id                uuid primary key,
    seq               bigint generated always as identity unique,
    subscription_id   uuid        not null references webhook_subscription (id) on delete cascade,
    event_id          text        not null,
    event_type        text        not null,
    -- the ordering key (the CloudEvent subject: a customer id); never sent to a partner
    subject           text,
    event_time        timestamptz not null,
    body              text        not null,
    -- CANCELLED: not sent because the member revoked the partner's consent (or the partner was deactivated) before
    status            text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    -- a partner's delivery: the member whose consent is checked again before every attempt
    member_id         uuid,
    attempts          integer     not null default 0,
    -- failed attempts since the retry window began (reset by a redelivery or by re-activating the subscription)
    failures          integer     not null default 0,
    first_attempt_at  timestamptz,
    next_attempt_at   timestamptz,
    lease_until       timestamptz,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text,
    last_latency_ms   bigint,
    delivered_at      timestamptz,
    created_at        timestamptz not null,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_order on webhook_delivery (subscription_id, subject, seq) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at);
create index webhook_delivery_subject on webhook_delivery (subject);

create table webhook_attempt (
    id            bigint generated always as identity primary key,
    delivery_id   uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at  timestamptz not null,
    status_code   integer,
    latency_ms    bigint      not null,
    error         text,
    manual        boolean     not null default false
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
