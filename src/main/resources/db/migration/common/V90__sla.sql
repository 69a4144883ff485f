-- SLA policies and business hours (API §11, docs/sla.md)

create table sla_calendars (
    entity_id  uuid          not null references entities (id),
    id         uuid          not null,
    name       varchar(100)  not null,
    timezone   varchar(64)   not null,
    hours      varchar(20000) not null,   -- JSON array of {day, from, to}
    holidays   varchar(20000) not null,   -- JSON array of YYYY-MM-DD
    created_at timestamp with time zone not null,
    primary key (entity_id, id)
);

create table sla_policies (
    entity_id   uuid          not null references entities (id),
    id          uuid          not null,
    name        varchar(100)  not null,
    position    integer       not null,
    match_rule  varchar(20000) not null,  -- JSON object {priority?, categoryId?, channel?}
    calendar_id uuid,
    targets     varchar(2000) not null,   -- JSON object priority -> {firstResponse, resolution}
    created_at  timestamp with time zone not null,
    primary key (entity_id, id),
    constraint sla_policies_calendar_fk foreign key (entity_id, calendar_id) references sla_calendars (entity_id, id)
);
create index sla_policies_position_idx on sla_policies (entity_id, position, created_at, id);

-- The SLA state of each ticket, written by the ticket core in the transaction of every change
alter table tickets add column sla_policy_id uuid;
alter table tickets add column sla_first_response_due_at timestamp with time zone;
alter table tickets add column sla_resolution_due_at timestamp with time zone;
alter table tickets add column sla_first_response_breached_at timestamp with time zone;
alter table tickets add column sla_resolution_breached_at timestamp with time zone;
alter table tickets add column sla_paused_since timestamp with time zone;
-- when the resolution clock stopped (pending, resolved, closed) and the business time it stood still before
alter table tickets add column sla_stopped_since timestamp with time zone;
alter table tickets add column sla_stopped_ms bigint not null default 0;
-- the earliest unmet due time (sla=due, sort=slaDueAt)
alter table tickets add column sla_due_at timestamp with time zone;
-- the earliest unmet due time not yet breached and not paused (the breach sweeper's index range)
alter table tickets add column sla_breach_check_at timestamp with time zone;
-- a breach recorded on a target still unmet (sla=breached)
alter table tickets add column sla_breached boolean not null default false;

create index tickets_sla_due_idx on tickets (entity_id, sla_due_at, id);
