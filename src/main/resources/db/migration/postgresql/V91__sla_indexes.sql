-- The breach sweeper reads a range of this index across entities; only tickets with a live due time are in it.
create index tickets_sla_breach_check_idx on tickets (sla_breach_check_at) where sla_breach_check_at is not null;
-- sla=breached and sla=due with the default order: only the few tickets concerned are in these indexes
create index tickets_sla_breached_idx on tickets (entity_id, created_at, id) where sla_breached;
create index tickets_sla_due_created_idx on tickets (entity_id, created_at, id) where sla_due_at is not null;
