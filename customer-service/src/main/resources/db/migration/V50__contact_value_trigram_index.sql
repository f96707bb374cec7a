-- Search by part of an e-mail or phone number (GET /api/v1/customers?email=, ?phone=) matches
-- customer_contact_point.value like '%part%' (values are stored normalised: lower-case e-mail, E.164 phone).
-- A trigram GIN index serves that for parts of three or more characters, which is the shortest part the API
-- accepts; without it every contact point is read (seconds at a million customers). pg_trgm is created by V2.
create extension if not exists pg_trgm;
create index customer_contact_point_value_trgm on customer_contact_point using gin (value gin_trgm_ops);
