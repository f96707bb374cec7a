-- segmentation-service: value facts kept from customer and engagement events, policies, runs and classes.
-- Money is in the service currency (rapport.segmentation.currency); figures are kept by customer id only.

-- What the service knows of a customer besides the figures. A row exists for every customer seen in any
-- event (a stub until registered/updated arrives). merged_into marks a record absorbed by a merge (its
-- facts moved to the survivor); erased marks a customer who asked to be forgotten (excluded from runs).
create table customer_profile (
    customer_id       uuid primary key,
    kind              text,
    wallet            numeric,
    target            boolean     not null default false,
    customer_since    timestamptz,
    first_purchase_at timestamptz,
    last_purchase_at  timestamptz,
    merged_into       uuid,
    erased            boolean     not null default false,
    updated_at        timestamptz not null default now()
);
create index customer_profile_target on customer_profile (customer_id) where target;

-- Value facts per customer and calendar month (month = first day, UTC): trailing windows are sums over months.
-- cogs is net of the cost of goods returned by refunds; refunds is the money given back.
create table value_month (
    customer_id   uuid    not null,
    month         date    not null,
    revenue       numeric not null default 0,
    cogs          numeric not null default 0,
    refunds       numeric not null default 0,
    cost_to_serve numeric not null default 0,
    purchases     integer not null default 0,
    complaints    integer not null default 0,
    primary key (customer_id, month)
);

-- Categories bought per customer and month (distinct categories in a window; co-purchase recommendations).
create table category_month (
    customer_id uuid    not null,
    month       date    not null,
    category    text    not null,
    purchases   integer not null default 0,
    primary key (customer_id, month, category)
);
create index category_month_category on category_month (category, customer_id);

-- Business keys of facts already counted (purchase:<id>, refund:<id>, cost:<id>, complaint:<id>): a fact
-- replayed under another event id, or by a second consumer, is not counted twice.
create table applied_fact (
    fact_key   text primary key,
    applied_at timestamptz not null default now()
);

-- Policies: versioned per scheme, exactly one active per scheme.
create table segment_policy (
    scheme     text        not null,
    version    bigint      not null,
    active     boolean     not null,
    definition jsonb       not null,
    created_at timestamptz not null default now(),
    created_by text        not null,
    primary key (scheme, version)
);
create unique index segment_policy_one_active on segment_policy (scheme) where active;
insert into segment_policy (scheme, version, active, definition, created_by) values
    ('ABC', 1, true, '{"metric":"REVENUE","weights":null,"method":"CUMULATIVE_SHARE","cutoffs":[80,95],"labels":["A","B","C"]}', 'system'),
    ('VALUE', 1, true, '{"mvcTopPercent":20,"mgcTopPercent":20}', 'system');

-- Runs: one full recompute of one scheme, with what it needs to classify between runs (thresholds) and to
-- report (counts, per-class statistics and recommended levels, concentration, Pareto curve).
create table segment_run (
    run_id         uuid primary key,
    scheme         text        not null,
    policy_version bigint      not null,
    trigger        text        not null,
    started_at     timestamptz not null,
    completed_at   timestamptz not null,
    window_start   date        not null,
    customers      bigint      not null,
    changed        bigint      not null,
    total_value    numeric,
    concentration  numeric,
    counts         jsonb       not null,
    thresholds     jsonb       not null,
    class_stats    jsonb       not null,
    pareto         jsonb       not null
);
create index segment_run_latest on segment_run (scheme, completed_at desc);

-- The current class of each customer per scheme; written only when it changes.
create table customer_segment (
    customer_id    uuid        not null,
    scheme         text        not null,
    class_label    text        not null,
    policy_version bigint      not null,
    run_id         uuid,
    since          timestamptz not null,
    primary key (customer_id, scheme)
);

-- Every class change (history and transitions report); value = the metric (ABC) or profit (VALUE) then.
create table segment_change (
    id             bigint generated always as identity primary key,
    customer_id    uuid        not null,
    scheme         text        not null,
    from_class     text,
    to_class       text        not null,
    policy_version bigint      not null,
    run_id         uuid,
    value          numeric,
    changed_at     timestamptz not null
);
create index segment_change_customer on segment_change (customer_id, changed_at);
create index segment_change_period on segment_change (scheme, changed_at);
