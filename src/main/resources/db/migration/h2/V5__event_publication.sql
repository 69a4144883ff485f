-- Spring Modulith's event publication registry (the outbox), schema v2 of spring-modulith-events-jdbc 2.1,
-- with room for large events (a description change carries two texts of up to 100,000 characters).
create table event_publication (
    id                     uuid not null,
    completion_date        timestamp(9) with time zone,
    event_type             varchar(512) not null,
    listener_id            varchar(512) not null,
    publication_date       timestamp(9) with time zone not null,
    serialized_event       varchar(1000000) not null,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp(9) with time zone,
    primary key (id)
);
create index event_publication_by_listener_id_and_serialized_event_idx on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
