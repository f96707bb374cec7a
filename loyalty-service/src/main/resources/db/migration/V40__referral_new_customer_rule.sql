-- Issue 17 #3: only a genuinely new customer qualifies for a referral reward (NewCustomerRule).
-- When the customer was registered (from customer events) and when the code was applied.
alter table customer_profile add column registered_at timestamptz;
alter table referral add column applied_at timestamptz;
update referral set applied_at = created_at where applied_at is null;
