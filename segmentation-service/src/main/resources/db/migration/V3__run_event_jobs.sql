-- A run's SegmentChanged events are written to the outbox after the run, from its history rows, instead of inside
-- the run's transaction: a run that changes a million classes commits in half the time, and the events still
-- cannot be lost (the job is committed with the classes) nor written twice (each chunk moves the cursor in the
-- transaction that writes its outbox rows). RunCompleted follows the run's last SegmentChanged.

-- The potential a VALUE class was decided on, for the event's figures.
alter table segment_change add column potential numeric;

-- One row per run whose changes still have events to write: the run's history rows are those of run_id with ids in
-- [next_change, last_change]; labels/levels map each class to the relationship level the run recommended for it.
create table run_event_job (
    run_id         uuid primary key,
    scheme         text        not null,
    policy_version bigint      not null,
    metric         text        not null,
    occurred_at    timestamptz not null,
    labels         text[]      not null,
    levels         text[]      not null,
    next_change    bigint      not null,
    last_change    bigint      not null,
    created_at     timestamptz not null default now()
);

-- Room on each page for a class change to be a HOT update (no new index entry) of the customer's current class.
alter table customer_segment set (fillfactor = 80);
