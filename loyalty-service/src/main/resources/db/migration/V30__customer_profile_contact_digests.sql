-- Customer events no longer carry e-mails or phones (issue 15: complete erasure), only keyed digests of them.
-- The plain values copied from older events go; the next CustomerUpdated of each customer brings its digests.
update customer_profile set emails = null, phones = null;
comment on column customer_profile.emails is 'keyed digests (email:<b64url>) of the customer''s e-mails, comma-separated; never the addresses';
comment on column customer_profile.phones is 'keyed digests (phone:<b64url>) of the customer''s phones, comma-separated; never the numbers';
