-- A complaint follow-up that no slot places within the complaint's SLA is placed at once and flagged (SERVICE_SLA).
alter table contact add column escalated_reason text;
