-- Complaints get an assignee like contacts: the customer's owner (account manager) when the complaint is opened,
-- following the owner when it changes while the complaint is open. Sales sees and handles only complaints assigned
-- to it; support and admin see every complaint.
alter table complaint add column assignee_id text;
update complaint c set assignee_id = p.owner_id from customer_profile p where p.customer_id = c.customer_id;
create index complaint_assignee on complaint (assignee_id, opened_at) where state = 'OPEN';
