-- Per-subject event sequence (rapport-platform). The outbox numbers each subject's events 1, 2, 3... in the
-- publishing transaction: the upsert of the subject's counter row serializes writers of one subject, so sequence
-- order is commit order. The relay sends it as the CloudEvents extension attribute "sequence" (header ce_sequence).
create table rapport_subject_sequence (
    subject       text   primary key,
    last_sequence bigint not null
);
alter table rapport_outbox add column sequence bigint;
-- A verbatim copy of a consumed record (a dead letter's Kafka copy): these headers are sent as they are.
alter table rapport_outbox add column headers text;

-- What a projection last applied per subject and source, so a stale event (replay, redrive) is ignored.
create table rapport_projection_sequence (
    projection    text   not null,
    subject       text   not null,
    source        text   not null,
    last_sequence bigint not null,
    primary key (projection, subject, source)
);
