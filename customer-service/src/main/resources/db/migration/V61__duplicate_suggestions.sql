-- Fuzzy duplicate candidates (issue 17 #11): pairs of customers whose names are similar (pg_trgm finds the
-- candidates through customer_display_name_trgm, DuplicateRule scores them) and that share an address, a phone or a
-- birth date. One row per unordered pair (customer_a < customer_b), so a pair is suggested once; a dismissed pair
-- keeps its row (status DISMISSED) and is never suggested again, also after a re-import. No personal data: ids,
-- a score and reason codes.
create table duplicate_suggestion (
    id          uuid primary key,
    customer_a  uuid          not null references customer (id),
    customer_b  uuid          not null references customer (id),
    score       numeric(5, 4) not null,
    reasons     text          not null,
    status      text          not null,
    created_at  timestamptz   not null,
    decided_by  text,
    decided_at  timestamptz,
    constraint duplicate_suggestion_pair unique (customer_a, customer_b),
    constraint duplicate_suggestion_ordered check (customer_a < customer_b)
);
create index duplicate_suggestion_open on duplicate_suggestion (score desc, created_at desc) where status = 'OPEN';
create index duplicate_suggestion_b on duplicate_suggestion (customer_b);
