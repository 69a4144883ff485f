-- Agent speed (API §10): tags, merged tickets, canned replies, macros.

-- The ticket's tags as shown (space-separated, alphabetical; '' for none), read with the ticket: no join on lists.
alter table tickets add column tags varchar(1100) not null default '';
-- A merged ticket points at the ticket that carries on its conversation.
alter table tickets add column merged_into uuid;
alter table tickets add constraint tickets_merged_into_fk
    foreign key (entity_id, merged_into) references tickets (entity_id, id);

-- One row per tag of a ticket: the tag=a,b filter reads (entity_id, tag, ticket_id) for each tag, so its cost
-- follows the tagged tickets, not the entity's size. Written in the same transaction as tickets.tags.
create table ticket_tags (
    entity_id uuid        not null,
    ticket_id uuid        not null,
    tag       varchar(50) not null,
    primary key (entity_id, ticket_id, tag),
    constraint ticket_tags_ticket_fk foreign key (entity_id, ticket_id) references tickets (entity_id, id)
);
create index ticket_tags_tag_idx on ticket_tags (entity_id, tag, ticket_id);

create table canned_replies (
    entity_id  uuid            not null references entities (id),
    id         uuid            not null,
    title      varchar(255)    not null,
    body       varchar(100000) not null,
    shared     boolean         not null,
    created_by uuid            not null references users (id),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    primary key (entity_id, id)
);
create index canned_replies_title_idx on canned_replies (entity_id, title);

create table macros (
    entity_id  uuid            not null references entities (id),
    id         uuid            not null,
    title      varchar(255)    not null,
    -- the validated actions object, as JSON (a reply body may be 100,000 characters)
    actions    varchar(200000) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    primary key (entity_id, id)
);
create index macros_title_idx on macros (entity_id, title);
