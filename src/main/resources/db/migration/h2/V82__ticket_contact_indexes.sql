create index tickets_contact_created_idx on tickets (entity_id, contact_id, created_at, id);
