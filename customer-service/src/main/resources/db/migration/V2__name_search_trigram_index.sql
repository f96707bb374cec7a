-- Name search (GET /api/v1/customers?name=) matches any part of the display name, case-insensitively:
-- lower(display_name) like '%part%'. A trigram GIN index serves that for parts of three or more characters
-- (shorter parts hold no trigram and are read sequentially). pg_trgm ships with PostgreSQL's contrib and is
-- a trusted extension (PostgreSQL 13+): the database owner may create it.
create extension if not exists pg_trgm;
create index customer_display_name_trgm on customer using gin (lower(display_name) gin_trgm_ops);
