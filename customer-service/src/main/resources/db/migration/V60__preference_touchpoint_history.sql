-- Every preference change records its touchpoint, actor and time (issue 17 #12). The values are personal data:
-- erasure deletes the history with the preferences, a merge moves it to the survivor.
alter table customer_preference add column touchpoint text not null default 'API';

create table customer_preference_history (
    id          uuid primary key,
    seq         bigserial   not null,
    customer_id uuid        not null references customer (id),
    category    text        not null,
    pref_key    text        not null,
    change      text        not null,
    old_value   text,
    new_value   text,
    touchpoint  text        not null,
    actor       text        not null,
    changed_at  timestamptz not null
);
create index customer_preference_history_customer on customer_preference_history (customer_id, changed_at desc, seq desc);
