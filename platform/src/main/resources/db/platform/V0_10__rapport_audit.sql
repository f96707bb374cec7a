-- Audit trail (rapport-platform, io.rapport.platform.audit): one row per change a person or partner made,
-- written in the transaction of the change. Append-only: rows are never deleted and never updated, except
-- that an erasure redacts the personal values in before/after (redacted_at set) of the erased customer's rows.
create table rapport_audit (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor       text        not null,
    actor_roles text,
    partner_id  text,
    request_id  text,
    entity      text        not null,
    entity_id   text,
    customer_id uuid,
    action      text        not null,
    before      jsonb,
    after       jsonb,
    redacted_at timestamptz
);
create index rapport_audit_customer on rapport_audit (customer_id, id);
create index rapport_audit_actor on rapport_audit (actor, id);

create function rapport_audit_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'rapport_audit is append-only: rows cannot be deleted';
    end if;
    if new.redacted_at is null
            or (new.id, new.at, new.actor, new.actor_roles, new.partner_id, new.request_id, new.entity, new.entity_id,
                new.customer_id, new.action)
            is distinct from (old.id, old.at, old.actor, old.actor_roles, old.partner_id, old.request_id, old.entity,
                old.entity_id, old.customer_id, old.action) then
        raise exception 'rapport_audit is append-only: a row changes only by the redaction of its values';
    end if;
    return new;
end
$$;
create trigger rapport_audit_append_only before update or delete on rapport_audit
    for each row execute function rapport_audit_append_only();
