-- Substring search on subject (ILIKE '%term%') uses a trigram index.
create extension if not exists pg_trgm;
create index tickets_subject_trgm_idx on tickets using gin (subject gin_trgm_ops);

-- Bucket4j token buckets for per-API-key rate limits, shared by every app node.
create table rate_limit_buckets (
    id         varchar(64) not null primary key,
    state      bytea,
    expires_at bigint
);
