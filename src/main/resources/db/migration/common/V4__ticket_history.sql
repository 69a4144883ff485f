-- Ticket history (API §5): one row per change, written in the transaction of the change.
create table ticket_events (
    entity_id   uuid         not null,
    id          uuid         not null,
    ticket_id   uuid         not null,
    type        varchar(16)  not null,
    actor_type  varchar(16)  not null,
    actor_id    uuid,
    actor_name  varchar(255),
    -- {"field": {"from": ..., "to": ...}}; a description change carries both texts (2 x 100,000 characters)
    changes     varchar(1000000) not null,
    message_id  uuid,
    created_at  timestamp with time zone not null,
    primary key (entity_id, id),
    constraint ticket_events_ticket_fk foreign key (entity_id, ticket_id) references tickets (entity_id, id)
);
create index ticket_events_ticket_idx on ticket_events (entity_id, ticket_id, created_at, id);

-- Messages say how they travelled (API §6): web, api or email, and for email whether it went out.
alter table messages add column channel varchar(16) not null default 'api';
alter table messages add column delivery varchar(16);

-- A ticket a contact opened by email has no acting user.
alter table tickets alter column created_by drop not null;
