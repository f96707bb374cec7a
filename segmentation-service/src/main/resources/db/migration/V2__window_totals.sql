-- Trailing-window totals kept on the profile, so that a full recompute reads one row per customer instead of
-- summing every month fact of every customer (the sums were most of a run's time at 1,000,000 customers).
--
-- value_window holds the first month the totals cover. Triggers on value_month add every change of a month row
-- whose month is inside it (insert, update: new minus old, delete, truncate) to the owner's totals, in the same
-- transaction and set-based (one statement per value_month statement, from its transition tables), whoever writes
-- value_month: the event consumers, a merge, an operator's SQL. A month row of a customer without a profile makes
-- one (as the consumers do). When the window moves (a new month, or another
-- configured length) the service moves the totals with it (WindowTotals): it takes the exclusive advisory lock
-- 0x5E61000 and adds or subtracts the months between the old and the new start; the triggers take the same lock
-- shared, so no fact is counted against a start that is being moved.

alter table customer_profile
    add column w_revenue       numeric not null default 0,
    add column w_cogs          numeric not null default 0,
    add column w_refunds       numeric not null default 0,
    add column w_cost_to_serve numeric not null default 0,
    add column w_purchases     bigint  not null default 0;

create table value_window (
    id           boolean primary key default true check (id),
    window_start date not null
);

-- The lifetime to begin with: the service moves the start to its configured window before it reads the totals.
insert into value_window (window_start) values (date '1970-01-01');

update customer_profile p
   set w_revenue = f.revenue, w_cogs = f.cogs, w_refunds = f.refunds, w_cost_to_serve = f.cost_to_serve,
       w_purchases = f.purchases
  from (select customer_id, sum(revenue) as revenue, sum(cogs) as cogs, sum(refunds) as refunds,
               sum(cost_to_serve) as cost_to_serve, sum(purchases) as purchases
          from value_month group by customer_id) f
 where f.customer_id = p.customer_id;

create function value_window_apply() returns trigger language plpgsql as $$
declare
    ws date;
begin
    perform pg_advisory_xact_lock_shared(98963456);
    select window_start into ws from value_window;
    if tg_op = 'INSERT' then
        insert into customer_profile as p (customer_id, w_revenue, w_cogs, w_refunds, w_cost_to_serve, w_purchases)
        select customer_id, coalesce(sum(revenue) filter (where month >= ws), 0),
               coalesce(sum(cogs) filter (where month >= ws), 0), coalesce(sum(refunds) filter (where month >= ws), 0),
               coalesce(sum(cost_to_serve) filter (where month >= ws), 0),
               coalesce(sum(purchases) filter (where month >= ws), 0)
          from new_rows group by customer_id
        on conflict (customer_id) do update set w_revenue = p.w_revenue + excluded.w_revenue,
            w_cogs = p.w_cogs + excluded.w_cogs, w_refunds = p.w_refunds + excluded.w_refunds,
            w_cost_to_serve = p.w_cost_to_serve + excluded.w_cost_to_serve, w_purchases = p.w_purchases + excluded.w_purchases
          where (excluded.w_revenue, excluded.w_cogs, excluded.w_refunds, excluded.w_cost_to_serve, excluded.w_purchases)
                is distinct from (0, 0, 0, 0, 0);
    elsif tg_op = 'UPDATE' then
        update customer_profile p
           set w_revenue = p.w_revenue + d.revenue, w_cogs = p.w_cogs + d.cogs, w_refunds = p.w_refunds + d.refunds,
               w_cost_to_serve = p.w_cost_to_serve + d.cost_to_serve, w_purchases = p.w_purchases + d.purchases
          from (select customer_id, sum(revenue) as revenue, sum(cogs) as cogs, sum(refunds) as refunds,
                       sum(cost_to_serve) as cost_to_serve, sum(purchases) as purchases
                  from (select customer_id, revenue, cogs, refunds, cost_to_serve, purchases from new_rows where month >= ws
                        union all
                        select customer_id, -revenue, -cogs, -refunds, -cost_to_serve, -purchases from old_rows where month >= ws) c
                 group by customer_id) d
         where p.customer_id = d.customer_id
           and (d.revenue, d.cogs, d.refunds, d.cost_to_serve, d.purchases) is distinct from (0, 0, 0, 0, 0);
    elsif tg_op = 'DELETE' then
        update customer_profile p
           set w_revenue = p.w_revenue - d.revenue, w_cogs = p.w_cogs - d.cogs, w_refunds = p.w_refunds - d.refunds,
               w_cost_to_serve = p.w_cost_to_serve - d.cost_to_serve, w_purchases = p.w_purchases - d.purchases
          from (select customer_id, sum(revenue) as revenue, sum(cogs) as cogs, sum(refunds) as refunds,
                       sum(cost_to_serve) as cost_to_serve, sum(purchases) as purchases
                  from old_rows where month >= ws group by customer_id) d
         where p.customer_id = d.customer_id;
    else
        update customer_profile
           set w_revenue = 0, w_cogs = 0, w_refunds = 0, w_cost_to_serve = 0, w_purchases = 0
         where (w_revenue, w_cogs, w_refunds, w_cost_to_serve, w_purchases) is distinct from (0, 0, 0, 0, 0);
    end if;
    return null;
end
$$;

create trigger value_month_window_insert after insert on value_month
    referencing new table as new_rows for each statement execute function value_window_apply();
create trigger value_month_window_update after update on value_month
    referencing old table as old_rows new table as new_rows for each statement execute function value_window_apply();
create trigger value_month_window_delete after delete on value_month
    referencing old table as old_rows for each statement execute function value_window_apply();
create trigger value_month_window_truncate after truncate on value_month
    for each statement execute function value_window_apply();
