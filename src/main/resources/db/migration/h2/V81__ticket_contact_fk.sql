alter table tickets add constraint tickets_contact_fk foreign key (entity_id, contact_id) references contacts (entity_id, id);
