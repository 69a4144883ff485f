-- The SQL the app runs for this operation (see docs/benchmarks.md), with the rate limiter off.
-- Variables from bench/run.sh: -D eid, owner, keyhash, big, msmin, msmax.
\set g random(1, :big)
\set s random(1, 3)
-- authentication as the app does it (auth.KeyDirectoryOnTable): the global secret lookup names the key's entity,
-- then the key, its creator and role are read in that entity (a router query on Citus)
select entity_id as key_entity, key_id from api_key_secrets where secret_hash = :keyhash \gset
select k.id, k.entity_id, k.scopes, u.id as user_id, u.name as user_name, m.role from api_keys k join users u on u.id = k.created_by join memberships m on m.entity_id = k.entity_id and m.user_id = k.created_by where k.entity_id = :key_entity and k.id = :key_id and k.revoked_at is null and (k.expires_at is null or k.expires_at > now());
BEGIN;
select id, entity_id, ticket_number, subject, description, status, priority, channel, contact_email, contact_name, category_id, created_by, assigned_to, created_at, updated_at, first_response_at, resolved_at, closed_at from tickets where entity_id = :eid and id = (lpad(to_hex(:g::bigint), 12, '0') || '7000b000' || lpad(to_hex(:g::bigint), 12, '0'))::uuid for update;
update tickets set subject = subject, description = description, status = (array['open', 'pending', 'resolved'])[:s], priority = priority, channel = channel, contact_email = contact_email, contact_name = contact_name, category_id = category_id, assigned_to = assigned_to, updated_at = now(), first_response_at = first_response_at, resolved_at = case when :s = 3 then now() end, closed_at = null where entity_id = :eid and id = (lpad(to_hex(:g::bigint), 12, '0') || '7000b000' || lpad(to_hex(:g::bigint), 12, '0'))::uuid;
-- the history entry with the status change
insert into ticket_events (entity_id, id, ticket_id, type, actor_type, actor_id, actor_name, changes, message_id, created_at) values (:eid, (lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid, (lpad(to_hex(:g::bigint), 12, '0') || '7000b000' || lpad(to_hex(:g::bigint), 12, '0'))::uuid, 'updated', 'agent', :owner, 'Bench Owner 0', '{"status":{"from":"open","to":"pending"}}', null, now());
COMMIT;
