-- customer-service schema. Personal data lives only in customer, customer_contact_point,
-- customer_external_id, customer_tag, customer_preference, customer_consent(_history) and the
-- free-text columns merge_reason/note; GDPR erasure clears exactly these.

create table customer (
    id                  uuid primary key,
    version             bigint      not null,
    kind                text        not null,
    status              text        not null,
    display_name        text        not null,
    given_name          text,
    family_name         text,
    company_name        text,
    industry            text,
    company_size        text,
    address_line1       text,
    address_line2       text,
    postal_code         text,
    city                text,
    region              text,
    country             text,
    locale              text,
    time_zone           text,
    owner_id            text,
    acquisition_source  text,
    referral_code       text,
    wallet_amount       numeric(19, 4),
    wallet_currency     text,
    wallet_estimated_at timestamptz,
    wallet_estimated_by text,
    target              boolean     not null,
    do_not_contact      boolean     not null,
    channel_preference  text,
    merged_into         uuid references customer (id),
    merged_at           timestamptz,
    merged_by           text,
    merge_reason        text,
    erased_at           timestamptz,
    last_verified_at    timestamptz,
    last_activity_at    timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index customer_status_activity on customer (status, last_activity_at);
create index customer_created_at on customer (created_at);
create index customer_owner on customer (owner_id);
create index customer_display_name on customer (lower(display_name));
create index customer_stale on customer (coalesce(last_verified_at, created_at)) where status in ('ACTIVE', 'DORMANT');

-- one row per e-mail or phone; values are normalised (lower-case e-mail, E.164 phone) and unique:
-- one person or company is one record
create table customer_contact_point (
    id          uuid primary key,
    customer_id uuid    not null references customer (id),
    kind        text    not null,
    value       text    not null,
    label       text,
    is_primary  boolean not null,
    constraint customer_contact_point_unique unique (kind, value)
);
create index customer_contact_point_customer on customer_contact_point (customer_id);

create table customer_external_id (
    id          uuid primary key,
    customer_id uuid not null references customer (id),
    system      text not null,
    external_id text not null,
    constraint customer_external_id_unique unique (system, external_id)
);
create index customer_external_id_customer on customer_external_id (customer_id);

create table customer_tag (
    customer_id uuid not null references customer (id),
    tag         text not null,
    primary key (customer_id, tag)
);
create index customer_tag_tag on customer_tag (tag);

-- the current decision per channel; the most recent decision (decided_at) wins
create table customer_consent (
    customer_id uuid        not null references customer (id),
    channel     text        not null,
    granted     boolean     not null,
    source      text        not null,
    decided_at  timestamptz not null,
    primary key (customer_id, channel)
);

-- every consent decision and do-not-contact change ever recorded (channel null = do-not-contact)
create table customer_consent_history (
    id          uuid primary key,
    customer_id uuid        not null references customer (id),
    channel     text,
    granted     boolean     not null,
    source      text        not null,
    decided_at  timestamptz not null,
    recorded_at timestamptz not null,
    recorded_by text        not null
);
create index customer_consent_history_customer on customer_consent_history (customer_id, recorded_at);

create table customer_preference (
    id          uuid primary key,
    customer_id uuid        not null references customer (id),
    category    text        not null,
    pref_key    text        not null,
    pref_value  text        not null,
    set_by      text        not null,
    set_at      timestamptz not null,
    constraint customer_preference_unique unique (customer_id, category, pref_key)
);
create index customer_preference_search on customer_preference (category, pref_key, pref_value);

create table customer_merge (
    id          uuid primary key,
    survivor_id uuid        not null references customer (id),
    merged_id   uuid        not null unique references customer (id),
    reason      text,
    merged_by   text        not null,
    merged_at   timestamptz not null
);

-- replay of creating POSTs: (scope, key) -> the id created by the first request
create table idempotency_key (
    scope       text        not null,
    idem_key    text        not null,
    result_id   uuid        not null,
    created_at  timestamptz not null,
    primary key (scope, idem_key)
);

-- the order id is the idempotency key per source system
create table purchase (
    id             uuid primary key,
    customer_id    uuid           not null references customer (id),
    source_system  text           not null,
    order_id       text           not null,
    occurred_at    timestamptz    not null,
    currency       text           not null,
    total          numeric(19, 4) not null,
    cost_of_goods  numeric(19, 4) not null,
    channel        text,
    store          text,
    recorded_at    timestamptz    not null,
    constraint purchase_order_unique unique (source_system, order_id)
);
create index purchase_customer on purchase (customer_id, occurred_at);

create table purchase_line (
    id                uuid primary key,
    purchase_id       uuid           not null references purchase (id),
    line_no           integer        not null,
    sku               text           not null,
    category          text           not null,
    quantity          integer        not null,
    unit_price        numeric(19, 4) not null,
    unit_cost         numeric(19, 4) not null,
    refunded_quantity integer        not null,
    refunded_amount   numeric(19, 4) not null,
    constraint purchase_line_refund_bounds check (refunded_quantity between 0 and quantity)
);
create index purchase_line_purchase on purchase_line (purchase_id, line_no);

create table refund (
    id            uuid primary key,
    purchase_id   uuid           not null references purchase (id),
    customer_id   uuid           not null references customer (id),
    occurred_at   timestamptz    not null,
    amount        numeric(19, 4) not null,
    cost_of_goods numeric(19, 4) not null,
    whole_order   boolean        not null,
    reason        text,
    recorded_at   timestamptz    not null
);
create index refund_purchase on refund (purchase_id);

create table refund_line (
    id            uuid primary key,
    refund_id     uuid           not null references refund (id),
    line_id       uuid           not null references purchase_line (id),
    quantity      integer        not null,
    amount        numeric(19, 4) not null,
    cost_of_goods numeric(19, 4) not null
);
create index refund_line_refund on refund_line (refund_id);

create table cost_entry (
    id          uuid primary key,
    customer_id uuid           not null references customer (id),
    type        text           not null,
    amount      numeric(19, 4) not null,
    currency    text           not null,
    occurred_at timestamptz    not null,
    note        text,
    recorded_at timestamptz    not null
);
create index cost_entry_customer on cost_entry (customer_id, occurred_at);
