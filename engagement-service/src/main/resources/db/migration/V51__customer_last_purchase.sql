-- The customer's latest purchase as engagement saw it: when that purchase raises the level (segmentation reacts to it
-- after engagement scheduled it at the old level), the new level's after-purchase plans are applied to it.
alter table customer_profile add column last_purchase_id text;
alter table customer_profile add column last_purchase_at timestamptz;
