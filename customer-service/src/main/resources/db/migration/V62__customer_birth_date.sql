-- Optional date of birth (issue 17 #11): personal data, shown on the profile, a signal of the fuzzy duplicate rule
-- (same normalised name + same birth date), cleared on erasure, never written into events.
alter table customer add column birth_date date;
-- candidates by birth date for the duplicate detector (only live customers with one)
create index customer_birth_date on customer (birth_date) where birth_date is not null;
