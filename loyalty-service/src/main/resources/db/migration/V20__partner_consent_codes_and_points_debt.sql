-- Issue 15: partners spend only with the member's consent and a one-time code; refunds after redemption leave a debt.

-- Member numbers become random (programme code, '-', 12 Crockford base32 characters): the sequential numbers could be
-- enumerated. Existing members are re-numbered; their old number is kept in legacy_member_number, shown to staff only
-- and never accepted from a partner.
create or replace function pg_temp.crockford12() returns text language sql volatile as $$
    select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (get_byte(b, i) % 32) + 1, 1), '' order by n)
    from (select uuid_send(gen_random_uuid()) as b) r,
         unnest(array[0, 1, 2, 3, 4, 5, 9, 10, 11, 12, 13, 14]) with ordinality as u(i, n)
$$;
alter table member add column legacy_member_number text unique;
update member m set legacy_member_number = m.member_number, member_number = p.code || '-' || pg_temp.crockford12()
    from programme p where p.id = m.programme_id;
drop function pg_temp.crockford12();
drop sequence member_number_seq;

-- Points owed after a refund the spendable points could not cover; the next credits pay it first.
-- The ledger sums to points_balance - points_debt; at most one of the two is above zero.
alter table member add column points_debt bigint not null default 0 check (points_debt >= 0);

-- Limits per partner; null means the configured default (rapport.loyalty.partners.*).
alter table partner add column max_points_per_transaction bigint check (max_points_per_transaction > 0);
alter table partner add column max_points_per_day bigint check (max_points_per_day > 0);

-- A member's consent that a partner may book for it: when, through which channel, recorded by whom; revocable.
create table partner_link (
    id            uuid primary key,
    member_id     uuid        not null references member (id),
    partner_id    uuid        not null references partner (id),
    source        text        not null,
    consented_at  timestamptz not null,
    recorded_by   text        not null,
    revoked_at    timestamptz,
    revoked_by    text
);
create unique index partner_link_active on partner_link (member_id, partner_id) where revoked_at is null;
create index partner_link_member on partner_link (member_id, consented_at);

-- One-time codes a member presents to a partner. Only the SHA-256 of (id, code) is stored. A code is used once
-- (used_at, entry_id) and is dead after expires_at or after too many wrong attempts for its member and partner.
create table redemption_code (
    id               uuid primary key,
    member_id        uuid        not null references member (id),
    partner_id       uuid        not null references partner (id),
    code_hash        text        not null,
    max_points       bigint      not null check (max_points > 0),
    expires_at       timestamptz not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    failed_attempts  integer     not null default 0,
    used_at          timestamptz,
    entry_id         uuid references ledger_entry (id)
);
create index redemption_code_live on redemption_code (member_id, partner_id, expires_at) where used_at is null;
create unique index redemption_code_entry on redemption_code (entry_id) where entry_id is not null;
