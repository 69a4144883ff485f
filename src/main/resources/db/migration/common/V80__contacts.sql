-- Contacts and organizations (API §9). Addresses and domains are rows of their own, so "each address belongs to
-- at most one contact of the entity" and "each domain to at most one organization" are primary keys.
create table organizations (
    entity_id  uuid         not null references entities (id),
    id         uuid         not null,
    name       varchar(255) not null,
    created_at timestamp with time zone not null,
    primary key (entity_id, id)
);

create table organization_domains (
    entity_id       uuid         not null,
    domain          varchar(253) not null,
    organization_id uuid         not null,
    position        int          not null,
    primary key (entity_id, domain),
    constraint organization_domains_org_fk foreign key (entity_id, organization_id)
        references organizations (entity_id, id) on delete cascade
);
create index organization_domains_org_idx on organization_domains (entity_id, organization_id, position);

create table contacts (
    entity_id       uuid         not null references entities (id),
    id              uuid         not null,
    name            varchar(255),
    phone           varchar(50),
    organization_id uuid,
    merged_into     uuid,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    primary key (entity_id, id),
    constraint contacts_org_fk foreign key (entity_id, organization_id) references organizations (entity_id, id)
);
create index contacts_org_idx on contacts (entity_id, organization_id, id);

-- stored lower-cased; position 0 is the primary address
create table contact_emails (
    entity_id  uuid         not null,
    email      varchar(320) not null,
    contact_id uuid         not null,
    position   int          not null,
    primary key (entity_id, email),
    constraint contact_emails_contact_fk foreign key (entity_id, contact_id) references contacts (entity_id, id)
);
create index contact_emails_contact_idx on contact_emails (entity_id, contact_id, position);

-- What a merge moved, kept 30 days so that it can be undone exactly (addresses newline-separated, in order).
create table contact_merges (
    entity_id      uuid          not null,
    id             uuid          not null,
    target_id      uuid          not null,
    source_id      uuid          not null,
    emails         varchar(6500) not null,
    merged_by      uuid,
    merged_by_name varchar(255),
    merged_at      timestamp with time zone not null,
    primary key (entity_id, id),
    constraint contact_merges_target_fk foreign key (entity_id, target_id) references contacts (entity_id, id),
    constraint contact_merges_source_fk foreign key (entity_id, source_id) references contacts (entity_id, id)
);
create index contact_merges_source_idx on contact_merges (entity_id, source_id, merged_at);
create index contact_merges_target_idx on contact_merges (entity_id, target_id);
create index contact_merges_time_idx on contact_merges (entity_id, merged_at);

create table contact_merge_tickets (
    entity_id uuid not null,
    merge_id  uuid not null,
    ticket_id uuid not null,
    primary key (entity_id, merge_id, ticket_id),
    constraint contact_merge_tickets_merge_fk foreign key (entity_id, merge_id)
        references contact_merges (entity_id, id) on delete cascade
);

-- Tickets name their contact. A nullable column without default: no table rewrite on PostgreSQL.
alter table tickets add column contact_id uuid;
