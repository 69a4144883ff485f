-- A contact's tickets, newest first. On PostgreSQL the app builds this index (and a partial index of the tickets
-- still to link) CONCURRENTLY at start-up instead (Tickets.ensureContactIndexes): a Flyway migration holds a
-- transaction open, which a concurrent index build waits for forever, and a plain build blocks ticket writes.
create index tickets_contact_created_idx on tickets (entity_id, contact_id, created_at, id);
