-- H2 has no partial indexes: plain ones (the embedded database serves small installs)
create index tickets_sla_breach_check_idx on tickets (sla_breach_check_at);
create index tickets_sla_breached_idx on tickets (entity_id, sla_breached, created_at, id);
