-- Built CONCURRENTLY (Flyway runs a script of only such statements outside a transaction): tickets stay
-- writable while millions of rows are indexed.
create index concurrently if not exists tickets_contact_created_idx on tickets (entity_id, contact_id, created_at, id);
-- The start-up backfill (docs/contacts.md) finds the tickets still to link through this small partial index;
-- once everything is linked it is empty, so the check at each start costs nothing.
create index concurrently if not exists tickets_contact_unlinked_idx on tickets (entity_id, id)
    where contact_id is null and contact_email is not null;
