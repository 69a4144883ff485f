-- NOT VALID: existing rows are not scanned (they all have a null contact_id), so the lock is held only for the
-- catalogue change; new and changed rows are checked from now on.
alter table tickets add constraint tickets_contact_fk foreign key (entity_id, contact_id)
    references contacts (entity_id, id) not valid;
