-- Reports (API §13) read every ticket created or resolved in their range once, with a few columns each: these
-- indexes carry those columns, so a 90-day report is two index-only range scans instead of a heap fetch per
-- ticket of a wide table. They take the place (and the names) of the plain indexes on the same keys, which the
-- list's keyset paging on created_at keeps using. H2 has no INCLUDE and keeps the plain ones.
create index tickets_created_cover_idx on tickets (entity_id, created_at, id)
    include (first_response_at, assigned_to, category_id, sla_first_response_due_at, sla_first_response_breached_at);
drop index tickets_created_idx;
alter index tickets_created_cover_idx rename to tickets_created_idx;

create index tickets_resolved_cover_idx on tickets (entity_id, resolved_at)
    include (created_at, assigned_to, category_id);
drop index tickets_resolved_idx;
alter index tickets_resolved_cover_idx rename to tickets_resolved_idx;
