-- Escalation is a rule with levels (EscalationRule, rapport.engagement.complaints.escalation): an overdue complaint
-- reaches each level at most once, is reassigned and/or notified and publishes ComplaintEscalated. The level reached
-- is kept so a level is never escalated twice, on any replica. Complaints escalated before count as level 1.
alter table complaint add column escalation_level integer not null default 0;
update complaint set escalation_level = 1 where escalated_at is not null;
-- the escalation job scans open complaints past their due date below the last level, by id
create index complaint_open_due on complaint (due_at) where state = 'OPEN';
