-- Sharding readiness (docs/scale-out.md): a unique index on api_keys (secret_hash) does not start with
-- entity_id, so the table could not be distributed by entity_id. The one lookup that must find a key before
-- its tenant is known (authentication) goes through this small global table instead: a reference table
-- under Citus. The key itself is then read by (entity_id, id).
create table api_key_secrets (
    secret_hash varchar(64) not null primary key,
    entity_id   uuid        not null,
    key_id      uuid        not null
);
insert into api_key_secrets (secret_hash, entity_id, key_id) select secret_hash, entity_id, id from api_keys;
drop index api_keys_secret_hash_uq;
