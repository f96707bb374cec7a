-- One row per automated contact whose message is delivered (outreach.MessageDelivery): claimed before the send
-- (state SENDING) so a crash never sends it twice; attempts are logged in delivery_attempt.
create table message_delivery (
    contact_id      uuid primary key references contact (id),
    customer_id     uuid         not null,
    channel         varchar(16)  not null,
    purpose         varchar(32)  not null,
    state           varchar(16)  not null, -- QUEUED, SENDING, RETRY, SENT, FAILED, BOUNCED
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    claimed_at      timestamptz,
    template        varchar(80),
    language        varchar(16),
    message_id      varchar(300),
    failure         varchar(32),
    status_code     int,
    last_error      varchar(500),
    queued_at       timestamptz  not null,
    sent_at         timestamptz,
    updated_at      timestamptz  not null
);
create index message_delivery_due on message_delivery (next_attempt_at) where state in ('QUEUED', 'RETRY');
create index message_delivery_sending on message_delivery (claimed_at) where state = 'SENDING';
create index message_delivery_customer on message_delivery (customer_id);

create table delivery_attempt (
    id          uuid primary key,
    contact_id  uuid         not null references message_delivery (contact_id),
    attempt     int          not null,
    outcome     varchar(16)  not null, -- SENT, RETRY, FAILED, BOUNCED, DEFERRED
    status_code int,
    error       varchar(500),
    at          timestamptz  not null
);
create index delivery_attempt_contact on delivery_attempt (contact_id, at);

-- Consent withdrawn through a message's unsubscribe link: who (customer), which channel, how and when.
create table consent_withdrawal (
    id          uuid primary key,
    customer_id uuid         not null,
    channel     varchar(16)  not null,
    contact_id  uuid,
    method      varchar(16)  not null,
    source      varchar(40)  not null,
    at          timestamptz  not null
);
create index consent_withdrawal_customer on consent_withdrawal (customer_id, at);

-- The customer's loyalty standing per programme, projected from loyalty.events (balance and tier for templates).
create table customer_loyalty (
    customer_id  uuid        not null,
    programme_id uuid        not null,
    member_id    uuid,
    tier         varchar(80),
    balance      bigint      not null default 0,
    updated_at   timestamptz not null,
    primary key (customer_id, programme_id)
);
