-- Global tables: users and entities (tenants). Everything a tenant owns carries
-- entity_id as the first primary-key column so the schema can be sharded by it.
create table users (
    id            uuid         not null primary key,
    email         varchar(320) not null,
    password_hash varchar(255) not null,
    name          varchar(255) not null,
    created_at    timestamp with time zone not null
);
-- email is stored lower-cased, so this is a case-insensitive uniqueness rule
create unique index users_email_uq on users (email);

create table entities (
    id                 uuid         not null primary key,
    name               varchar(255) not null,
    -- the per-entity ticket number counter; locked by the creating transaction
    last_ticket_number bigint       not null default 0,
    created_at         timestamp with time zone not null
);

create table memberships (
    entity_id  uuid        not null references entities (id),
    user_id    uuid        not null references users (id),
    role       varchar(16) not null,
    created_at timestamp with time zone not null,
    primary key (entity_id, user_id),
    constraint memberships_role_ck check (role in ('owner', 'admin', 'agent', 'viewer'))
);
create index memberships_user_idx on memberships (user_id);

create table api_keys (
    entity_id    uuid         not null references entities (id),
    id           uuid         not null,
    name         varchar(255) not null,
    prefix       varchar(16)  not null,
    secret_hash  varchar(64)  not null,
    scopes       varchar(64)  not null,
    created_by   uuid         not null references users (id),
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    primary key (entity_id, id)
);
create unique index api_keys_secret_hash_uq on api_keys (secret_hash);

create table categories (
    entity_id  uuid         not null references entities (id),
    id         uuid         not null,
    name       varchar(100) not null,
    -- lower-cased name: "Billing" and "billing" are the same category
    name_key   varchar(100) not null,
    created_at timestamp with time zone not null,
    primary key (entity_id, id),
    constraint categories_name_uq unique (entity_id, name_key)
);

create table tickets (
    entity_id         uuid          not null references entities (id),
    id                uuid          not null,
    ticket_number     bigint        not null,
    subject           varchar(255)  not null,
    description       varchar(100000),
    status            varchar(16)   not null,
    priority          varchar(16)   not null,
    channel           varchar(16)   not null,
    contact_email     varchar(320),
    contact_name      varchar(255),
    category_id       uuid,
    created_by        uuid          not null references users (id),
    assigned_to       uuid,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    first_response_at timestamp with time zone,
    resolved_at       timestamp with time zone,
    closed_at         timestamp with time zone,
    primary key (entity_id, id),
    constraint tickets_number_uq unique (entity_id, ticket_number),
    constraint tickets_category_fk foreign key (entity_id, category_id) references categories (entity_id, id),
    constraint tickets_assignee_fk foreign key (entity_id, assigned_to) references memberships (entity_id, user_id)
);
-- keyset paging for each sort order, and the common status filter
create index tickets_created_idx on tickets (entity_id, created_at, id);
create index tickets_updated_idx on tickets (entity_id, updated_at, id);
create index tickets_status_created_idx on tickets (entity_id, status, created_at, id);
create index tickets_assignee_created_idx on tickets (entity_id, assigned_to, created_at, id);
create index tickets_category_idx on tickets (entity_id, category_id);

create table messages (
    entity_id   uuid            not null,
    id          uuid            not null,
    ticket_id   uuid            not null,
    author_type varchar(16)     not null,
    author_id   uuid,
    author_name varchar(255),
    body        varchar(100000) not null,
    is_internal boolean         not null,
    created_at  timestamp with time zone not null,
    primary key (entity_id, id),
    constraint messages_ticket_fk foreign key (entity_id, ticket_id) references tickets (entity_id, id)
);
create index messages_ticket_idx on messages (entity_id, ticket_id, created_at, id);

create table idempotency_keys (
    entity_id      uuid         not null references entities (id),
    idem_key       varchar(255) not null,
    request_hash   varchar(64)  not null,
    status         int          not null,
    location       varchar(1024),
    response_body  text         not null,
    created_at     timestamp with time zone not null,
    primary key (entity_id, idem_key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
