-- SKUs bought per customer and month, for SKU-level co-purchase recommendations (level=sku), kept like category_month
-- from the lines of PurchaseRecorded. Purchases applied before this migration have no SKU rows (their events are not
-- kept): SKU-level rules grow from the purchases recorded from now on (or a replay of customer.events).
create table sku_month (
    customer_id uuid    not null,
    month       date    not null,
    sku         text    not null,
    purchases   integer not null default 0,
    primary key (customer_id, month, sku)
);
create index sku_month_sku on sku_month (sku, customer_id);
