-- The value figures of a customer, each formula in ONE place (docs/domain-rules.md, segmentation): every statement
-- of the service calls these functions (a run's ranking by revenue or profit, the MVC/MGC/BZ ranking, classifying
-- between runs, the worksheet, the value profile and the explanation of a class); Java never computes them.
-- A repeatable migration: Flyway runs this file again whenever it changes, so changing a formula here changes it
-- everywhere at the next start. One SQL expression each, IMMUTABLE: PostgreSQL inlines them into the calling
-- statement (no function call per row, the plans stay those of the plain expressions).
--
-- revenue: what was bought; refunds: the money given back; cogs: cost of goods net of the goods returned;
-- cost_to_serve: service calls, returns handling, visits, special discounts; wallet: estimated annual spend in our
-- category (null when unknown).

-- Net revenue = revenue - refunds: a wholly refunded order adds nothing (the REVENUE metric of ABC).
create or replace function net_revenue(revenue numeric, refunds numeric) returns numeric
    language sql immutable parallel safe
    as 'select revenue - refunds';

-- Gross margin = net revenue - cost of goods.
create or replace function gross_margin(revenue numeric, cogs numeric, refunds numeric) returns numeric
    language sql immutable parallel safe
    as 'select net_revenue(revenue, refunds) - cogs';

-- Profit = gross margin - cost-to-serve (the PROFIT metric of ABC; BZ below 0, MVC ranked by it).
create or replace function profit(revenue numeric, cogs numeric, refunds numeric, cost_to_serve numeric) returns numeric
    language sql immutable parallel safe
    as 'select gross_margin(revenue, cogs, refunds) - cost_to_serve';

-- Potential = wallet - net revenue (MGC ranks by it); null when the wallet is unknown.
create or replace function potential(wallet numeric, revenue numeric, refunds numeric) returns numeric
    language sql immutable parallel safe
    as 'select wallet - net_revenue(revenue, refunds)';

-- Share of wallet = net revenue / wallet (a fraction, 1 = all of it); null when the wallet is unknown or not positive.
create or replace function share_of_wallet(revenue numeric, refunds numeric, wallet numeric) returns numeric
    language sql immutable parallel safe
    as 'select case when wallet > 0 then net_revenue(revenue, refunds) / wallet end';
