-- Reports (API §13) count tickets resolved in a range of days: a range scan per bucket, like created_at's index.
create index tickets_resolved_idx on tickets (entity_id, resolved_at);
