-- engagement-service: local projection of customers and their classes, relationship levels, contact plans,
-- follow-up contacts with the rule adjustments that moved them, complaints, interactions and campaigns.

-- What engagement knows about each customer, from customer.events and segmentation.events.
create table customer_profile (
    customer_id        uuid primary key,
    display_name       text,
    time_zone          text        not null default 'UTC',
    owner_id           text,
    consent_phone      boolean,
    consent_email      boolean,
    consent_sms        boolean,
    consent_post       boolean,
    do_not_contact     boolean     not null default false,
    channel_preference text,
    status             text        not null default 'ACTIVE',
    level              text        not null default 'BASIC',
    level_source       text        not null default 'DEFAULT',
    level_reason       text,
    value_score        numeric(19, 4) not null default 0,
    top_customer       boolean     not null default false,
    merged_into        uuid,
    erased             boolean     not null default false,
    updated_at         timestamptz not null,
    version            bigint      not null default 0
);

-- The current class of a customer in each segmentation scheme (ABC, VALUE) with the recommended level.
create table customer_class (
    customer_id        uuid        not null,
    scheme             text        not null,
    class_label        text        not null,
    recommended_level  text,
    value_score        numeric(19, 4),
    updated_at         timestamptz not null,
    primary key (customer_id, scheme)
);

-- Optional mapping from a class of a scheme to a level; without a row the event's recommendation applies.
create table level_mapping (
    scheme       text not null,
    class_label  text not null,
    level        text not null,
    primary key (scheme, class_label)
);

create table level_change (
    id           uuid primary key,
    seq          bigint generated always as identity,
    customer_id  uuid        not null,
    from_level   text,
    to_level     text        not null,
    source       text        not null,
    reason       text,
    changed_by   text        not null,
    changed_at   timestamptz not null
);
create index level_change_customer on level_change (customer_id, changed_at);

create table contact_plan (
    id                uuid primary key,
    level             text    not null,
    name              text    not null,
    trigger_type      text    not null,
    days              integer not null check (days >= 0),
    channel           text    not null,
    purpose           text    not null,
    cost_per_contact  numeric(19, 4) not null default 0,
    currency          text    not null default 'EUR',
    performer         text    not null,
    queue             text,
    validity_days     integer not null default 14 check (validity_days > 0),
    active            boolean not null default true,
    version           bigint  not null default 0
);

-- DOMAIN.md section 3 defaults.
insert into contact_plan (id, level, name, trigger_type, days, channel, purpose, cost_per_contact, performer, queue, validity_days) values
 ('00000000-0000-4000-8000-000000000001', 'REACTIVE',    'Contact-us message after a purchase', 'AFTER_PURCHASE', 1, 'EMAIL', 'CONTACT_US', 0.05, 'QUEUE', 'automation', 7),
 ('00000000-0000-4000-8000-000000000002', 'ACCOUNTABLE', 'Satisfaction call after a purchase',  'AFTER_PURCHASE', 7, 'PHONE', 'SATISFACTION_CHECK', 4.00, 'OWNER', 'service-desk', 14),
 ('00000000-0000-4000-8000-000000000003', 'PROACTIVE',   'Satisfaction call after a purchase',  'AFTER_PURCHASE', 7, 'PHONE', 'SATISFACTION_CHECK', 4.00, 'OWNER', 'service-desk', 14),
 ('00000000-0000-4000-8000-000000000004', 'PROACTIVE',   'Check-in every 90 days',              'EVERY_N_DAYS', 90, 'PHONE', 'CHECK_IN', 4.00, 'OWNER', 'service-desk', 30),
 ('00000000-0000-4000-8000-000000000005', 'PARTNERSHIP', 'Satisfaction call after a purchase',  'AFTER_PURCHASE', 7, 'PHONE', 'SATISFACTION_CHECK', 4.00, 'OWNER', 'account-managers', 14),
 ('00000000-0000-4000-8000-000000000006', 'PARTNERSHIP', 'Account-manager review every 30 days', 'EVERY_N_DAYS', 30, 'MEETING', 'REVIEW', 60.00, 'OWNER', 'account-managers', 14);

create table contact (
    id              uuid primary key,
    customer_id     uuid        not null,
    plan_id         uuid,
    campaign_id     uuid,
    source_key      text unique,
    channel         text        not null,
    purpose         text        not null,
    state           text        not null,
    requested_at    timestamptz not null,
    due_at          timestamptz not null,
    expires_at      timestamptz not null,
    paused_reason   text,
    assignee_id     text,
    customer_value  numeric(19, 4) not null default 0,
    outcome         text,
    notes           text,
    created_by      text        not null,
    created_at      timestamptz not null,
    closed_at       timestamptz,
    version         bigint      not null default 0
);
-- A rep's agenda: open, unpaused contacts by assignee and due time. It covers the page choice (value, due, id), so
-- the top of the page is found by an index-only range scan and only the rows of the page are read from the table.
create index contact_agenda on contact (assignee_id, due_at) include (customer_value, id)
    where state in ('PLANNED', 'DUE') and paused_reason is null;
-- The dispatcher's claim: planned contacts whose slot has come.
create index contact_claim on contact (due_at) where state = 'PLANNED' and paused_reason is null;
create index contact_due_expiry on contact (expires_at) where state = 'DUE';
create index contact_customer on contact (customer_id, due_at);
create index contact_campaign on contact (campaign_id) where campaign_id is not null;

-- Why a contact was moved, paused, blocked or expired (the explanation endpoint reads this).
create table contact_adjustment (
    id            uuid primary key,
    seq           bigint generated always as identity,
    contact_id    uuid        not null,
    customer_id   uuid        not null,
    rule          text        not null,
    reason        text        not null,
    requested_at  timestamptz not null,
    placed_at     timestamptz,
    outcome       text        not null,
    recorded_at   timestamptz not null
);
create index contact_adjustment_customer on contact_adjustment (customer_id, recorded_at);
create index contact_adjustment_contact on contact_adjustment (contact_id);

-- One row per automated message handed over for sending: the primary key makes a second send impossible.
create table contact_dispatch (
    contact_id  uuid primary key,
    sent_at     timestamptz not null,
    worker      text        not null
);

create table complaint (
    id             uuid primary key,
    customer_id    uuid        not null,
    channel        text        not null,
    category       text        not null,
    severity       text        not null,
    description    text,
    state          text        not null,
    opened_at      timestamptz not null,
    due_at         timestamptz not null,
    escalated_at   timestamptz,
    resolution     text,
    satisfaction   integer,
    resolved_at    timestamptz,
    reopen_count   integer     not null default 0,
    opened_by      text        not null,
    version        bigint      not null default 0
);
create index complaint_customer on complaint (customer_id, opened_at);
create index complaint_overdue on complaint (due_at) where state = 'OPEN' and escalated_at is null;

create table interaction (
    id               uuid primary key,
    customer_id      uuid        not null,
    direction        text        not null,
    kind             text        not null,
    occurred_at      timestamptz not null,
    outcome          text,
    notes            text,
    opportunity      boolean     not null default false,
    estimated_value  numeric(19, 4),
    currency         text,
    contact_id       uuid,
    recorded_by      text        not null
);
create index interaction_customer on interaction (customer_id, occurred_at);

create table campaign (
    id                     uuid primary key,
    name                   text        not null,
    channel                text        not null,
    target_kind            text        not null,
    scheme                 text,
    class_label            text,
    top_n                  integer,
    cost_per_contact       numeric(19, 4) not null,
    margin_per_conversion  numeric(19, 4) not null,
    currency               text        not null,
    requested_at           timestamptz not null,
    expires_at             timestamptz not null,
    state                  text        not null,
    created_by             text        not null,
    created_at             timestamptz not null,
    completed_at           timestamptz,
    version                bigint      not null default 0
);

create table campaign_target (
    campaign_id   uuid        not null,
    customer_id   uuid        not null,
    contact_id    uuid,
    outcome       text        not null,
    responded_at  timestamptz,
    converted     boolean     not null default false,
    primary key (campaign_id, customer_id)
);

-- Contact-pressure settings editable through the API (one row; absent until first edited: config defaults apply).
create table pressure_settings (
    id              integer primary key check (id = 1),
    quiet_hours     text    not null,
    allow_weekends  boolean not null,
    caps            text    not null,
    version         bigint  not null default 0
);
