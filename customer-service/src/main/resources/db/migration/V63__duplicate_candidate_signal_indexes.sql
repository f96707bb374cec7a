-- Duplicate candidates are looked up by their second signal first (issue 18): DuplicateRule suggests a pair only when,
-- besides a similar name, the birth dates are equal (served by customer_birth_date, V62) or the street lines are
-- (normalised) equal with equal postal codes or cities (a shared phone cannot happen: a phone belongs to one customer).
-- Before, the candidate query read every live customer with a trigram-similar name (at 50,000 customers about 2,000
-- rows and 1,000 buffers for a common given name, growing with the table) and kept the 20 most similar.
-- This index holds the ASCII digits of the street line and of the postal code: equal normalised values
-- (DuplicateRule.sameAddress: accents, case and punctuation ignored) have equal digits, so the key never misses a pair
-- the rule would accept. Partial: a customer without a street line costs nothing more to insert.
create index customer_address_digits on customer (
    regexp_replace(address_line1, '[^0-9]', '', 'g'),
    regexp_replace(coalesce(postal_code, ''), '[^0-9]', '', 'g')
) where address_line1 is not null;
