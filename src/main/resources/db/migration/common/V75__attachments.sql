-- Attachments (API §8): the file's bytes live outside the database (the data folder or S3-compatible object
-- storage), content-addressed per entity by sha256; a row names them. An upload is a row with no ticket yet;
-- attaching it to a new ticket (message_id null: a file of the description) or to a message fills both in.
create table attachments (
    entity_id    uuid         not null,
    id           uuid         not null,
    ticket_id    uuid,
    message_id   uuid,
    filename     varchar(255) not null,
    content_type varchar(255) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    is_inline    boolean      not null,
    created_by   uuid,
    created_at   timestamp with time zone not null,
    primary key (entity_id, id),
    constraint attachments_entity_fk foreign key (entity_id) references entities (id),
    constraint attachments_ticket_fk foreign key (entity_id, ticket_id) references tickets (entity_id, id),
    constraint attachments_message_fk foreign key (entity_id, message_id) references messages (entity_id, id)
);
-- the files of a ticket, in order, for its page and its GET
create index attachments_ticket_idx on attachments (entity_id, ticket_id, created_at, id);
-- the sweep asks whether any row still names a blob
create index attachments_blob_idx on attachments (entity_id, sha256);
-- the sweep of uploads never attached
create index attachments_unattached_idx on attachments (ticket_id, created_at);
