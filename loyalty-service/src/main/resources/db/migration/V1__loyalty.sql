-- loyalty-service schema. The points ledger (ledger_entry) is append-only and the source of truth;
-- member.points_balance is its running sum, guarded by the member row lock and a check constraint.

create sequence member_number_seq;

create table programme (
    id                    uuid primary key,
    code                  text          not null unique,
    name                  text          not null,
    currency              text          not null,
    points_per_unit       numeric(12,4) not null,
    qualification_basis   text          not null,
    qualification_months  integer       not null,
    expiry_months         integer       not null,
    expiry_warning_days   integer       not null,
    referrer_points       bigint        not null,
    newcomer_points       bigint        not null,
    auto_enrol_scheme     text,
    auto_enrol_class      text,
    created_at            timestamptz   not null,
    version               bigint        not null
);

create table tier (
    id               uuid primary key,
    programme_id     uuid          not null references programme (id),
    code             text          not null,
    name             text          not null,
    rank             integer       not null,
    threshold        numeric(19,4) not null,
    multiplier       numeric(8,4)  not null,
    segment_classes  text,
    unique (programme_id, code),
    unique (programme_id, rank)
);

create table bonus_rule (
    id            uuid primary key,
    programme_id  uuid         not null references programme (id),
    name          text         not null,
    category      text,
    valid_from    timestamptz,
    valid_to      timestamptz,
    multiplier    numeric(8,4) not null
);

create table member (
    id              uuid primary key,
    programme_id    uuid        not null references programme (id),
    customer_id     uuid,
    member_number   text        not null unique,
    referral_code   text unique,
    status          text        not null,
    tier_code       text        not null,
    tier_rank       integer     not null,
    period_start    timestamptz not null,
    period_end      timestamptz not null,
    points_balance  bigint      not null check (points_balance >= 0),
    enrolled_at     timestamptz not null,
    left_at         timestamptz,
    unique (programme_id, customer_id)
);
create index member_customer on member (customer_id);
create index member_period_end on member (period_end) where status = 'ACTIVE';

create table tier_change (
    id          uuid primary key,
    member_id   uuid        not null references member (id),
    from_tier   text,
    to_tier     text        not null,
    direction   text        not null,
    reason      text        not null,
    changed_at  timestamptz not null
);
create index tier_change_member on tier_change (member_id, changed_at);

-- Append-only. points: signed (EARN and positive ADJUST > 0; REDEEM, EXPIRE, REVERSE and negative ADJUST < 0).
-- spend: the money behind an EARN (negative for a REVERSE), in the programme currency, for spend-based tiers.
-- related_key groups entries of one fact (the refunds of a purchase point at "purchase:<id>").
create table ledger_entry (
    id            uuid primary key,
    programme_id  uuid          not null references programme (id),
    member_id     uuid          not null references member (id),
    kind          text          not null,
    points        bigint        not null,
    spend         numeric(19,4),
    reason        text          not null,
    source        text          not null,
    source_key    text          not null,
    related_key   text,
    partner_id    uuid,
    occurred_at   timestamptz   not null,
    created_at    timestamptz   not null,
    unique (programme_id, source_key)
);
create index ledger_member_time on ledger_entry (member_id, occurred_at);
create index ledger_related on ledger_entry (related_key) where related_key is not null;
create index ledger_partner_time on ledger_entry (partner_id, occurred_at) where partner_id is not null;

-- Earned points not yet used: redemption, reversal and expiry consume the oldest lot first.
create table points_lot (
    entry_id    uuid primary key references ledger_entry (id),
    member_id   uuid        not null references member (id),
    earned_at   timestamptz not null,
    expires_at  timestamptz,
    remaining   bigint      not null check (remaining >= 0),
    warned_at   timestamptz
);
create index points_lot_member on points_lot (member_id, expires_at, earned_at) where remaining > 0;
create index points_lot_expiry on points_lot (expires_at) where remaining > 0;

-- What loyalty keeps of other services' facts.
create table customer_profile (
    customer_id    uuid primary key,
    emails         text,
    phones         text,
    referral_code  text,
    erased         boolean not null
);

create table customer_segment (
    customer_id  uuid not null,
    scheme       text not null,
    class_label  text not null,
    changed_at   timestamptz not null,
    primary key (customer_id, scheme)
);

create table purchase_fact (
    purchase_id  uuid primary key,
    customer_id  uuid,
    occurred_at  timestamptz   not null,
    currency     text          not null,
    total        numeric(19,4) not null,
    refunded     numeric(19,4) not null
);
create index purchase_fact_customer on purchase_fact (customer_id);

create table referral (
    id                    uuid primary key,
    programme_id          uuid        not null references programme (id),
    referrer_member_id    uuid        not null references member (id),
    newcomer_customer_id  uuid,
    status                text        not null,
    refusal               text,
    purchase_id           uuid,
    created_at            timestamptz not null,
    completed_at          timestamptz,
    unique (programme_id, newcomer_customer_id)
);
create index referral_referrer on referral (referrer_member_id);
create index referral_pending_newcomer on referral (newcomer_customer_id) where status = 'PENDING';

create table benefit (
    id               uuid primary key,
    programme_id     uuid          not null references programme (id),
    kind             text          not null,
    name             text          not null,
    description      text,
    min_tier_rank    integer,
    segment_classes  text,
    percent          numeric(7,4),
    member_price     numeric(19,4),
    sku              text,
    category         text,
    min_quantity     integer,
    min_purchases    integer,
    created_at       timestamptz   not null
);
create index benefit_programme on benefit (programme_id);

create table reward (
    id            uuid primary key,
    programme_id  uuid        not null references programme (id),
    name          text        not null,
    description   text,
    points_cost   bigint      not null check (points_cost > 0),
    stock         integer check (stock >= 0),
    active        boolean     not null,
    created_at    timestamptz not null
);

create table reward_redemption (
    id           uuid primary key,
    reward_id    uuid        not null references reward (id),
    member_id    uuid        not null references member (id),
    entry_id     uuid        not null references ledger_entry (id),
    points       bigint      not null,
    created_at   timestamptz not null
);

create table member_event (
    id             uuid primary key,
    programme_id   uuid        not null references programme (id),
    title          text        not null,
    location       text,
    starts_at      timestamptz not null,
    capacity       integer     not null check (capacity > 0),
    min_tier_rank  integer,
    accepted       integer     not null check (accepted >= 0),
    created_at     timestamptz not null
);

create table event_invitation (
    event_id      uuid        not null references member_event (id),
    member_id     uuid        not null references member (id),
    status        text        not null,
    invited_at    timestamptz not null,
    responded_at  timestamptz,
    primary key (event_id, member_id)
);

create table partner (
    id            uuid primary key,
    name          text          not null,
    programme_id  uuid          not null references programme (id),
    point_value   numeric(19,6) not null,
    active        boolean       not null,
    created_at    timestamptz   not null
);
