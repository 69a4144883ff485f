-- Webhooks (API §12): an entity's subscriptions, the events recorded for them in the transaction of the change
-- that caused them (the body is fixed then, so every attempt and a redelivery send the same bytes), and one
-- delivery per event and webhook with its retry state.

create table webhooks (
    entity_id             uuid          not null references entities (id),
    id                    uuid          not null,
    url                   varchar(2000) not null,
    -- the subscribed event types, comma-separated, or '*'
    events                varchar(1000) not null,
    enabled               boolean       not null,
    description           varchar(1000),
    disabled_reason       varchar(1000),
    -- whsec_<base64>: the receiver verifies with it, so it is kept readable (like an API key it is shown once)
    secret                varchar(200)  not null,
    -- after a rotation the old secret signs too, until previous_secret_until
    previous_secret       varchar(200),
    previous_secret_until timestamp with time zone,
    -- the first failed attempt since the last delivered one: failing for 3 days disables the webhook
    failing_since         timestamp with time zone,
    -- one node at a time delivers to a webhook: a claim (lease) that runs out by itself if the node dies
    lease_owner           varchar(64),
    lease_until           timestamp with time zone,
    created_at            timestamp with time zone not null,
    primary key (entity_id, id)
);

create table webhook_events (
    entity_id  uuid        not null references entities (id),
    id         uuid        not null,
    type       varchar(64) not null,
    -- the JSON body exactly as it is sent
    payload    text        not null,
    created_at timestamp with time zone not null,
    primary key (entity_id, id)
);
-- the 30-day clean-up
create index webhook_events_created_idx on webhook_events (created_at);

create table webhook_deliveries (
    entity_id        uuid          not null,
    id               uuid          not null,
    webhook_id       uuid          not null,
    event_id         uuid          not null,
    event_type       varchar(64)   not null,
    status           varchar(16)   not null,
    attempts         int           not null,
    last_status_code int,
    last_error       varchar(1000),
    -- set while pending
    next_attempt_at  timestamp with time zone,
    created_at       timestamp with time zone not null,
    delivered_at     timestamp with time zone,
    primary key (entity_id, id),
    constraint webhook_deliveries_webhook_fk foreign key (entity_id, webhook_id) references webhooks (entity_id, id)
        on delete cascade,
    constraint webhook_deliveries_event_fk foreign key (entity_id, event_id) references webhook_events (entity_id, id)
        on delete cascade,
    constraint webhook_deliveries_status_ck check (status in ('pending', 'delivered', 'failed'))
);
-- the log of one webhook, newest first
create index webhook_deliveries_log_idx on webhook_deliveries (entity_id, webhook_id, created_at, id);
-- the dispatcher's scan for due deliveries
create index webhook_deliveries_due_idx on webhook_deliveries (status, next_attempt_at);
