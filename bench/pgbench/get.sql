-- The SQL the app runs for this operation (see docs/benchmarks.md), with the rate limiter off.
-- Variables from bench/run.sh: -D eid, owner, keyhash, big, msmin, msmax.
-- A ticket with 20 messages (every 1000th ticket of the big entity): no transaction: the app reads
-- the ticket, its files and its messages with three autocommit statements (TicketManagement.get/messages).
\set g 1000 * random(1, :big / 1000)
-- authentication as the app does it (auth.KeyDirectoryOnTable): the global secret lookup names the key's entity,
-- then the key, its creator and role are read in that entity (a router query on Citus)
select entity_id as key_entity, key_id from api_key_secrets where secret_hash = :keyhash \gset
select k.id, k.entity_id, k.scopes, u.id as user_id, u.name as user_name, m.role from api_keys k join users u on u.id = k.created_by join memberships m on m.entity_id = k.entity_id and m.user_id = k.created_by where k.entity_id = :key_entity and k.id = :key_id and k.revoked_at is null and (k.expires_at is null or k.expires_at > now());
select id, entity_id, ticket_number, subject, description, status, priority, channel, contact_email, contact_name, category_id, created_by, assigned_to, created_at, updated_at, first_response_at, resolved_at, closed_at, contact_id, tags, merged_into, sla_policy_id, sla_first_response_due_at, sla_resolution_due_at, sla_first_response_breached_at, sla_resolution_breached_at, sla_paused_since, sla_stopped_since, sla_stopped_ms, sla_due_at, sla_breach_check_at, sla_breached from tickets where entity_id = :eid and id = (lpad(to_hex(:g::bigint), 12, '0') || '7000b000' || lpad(to_hex(:g::bigint), 12, '0'))::uuid;
-- the ticket's files (API §8), listed with it
select id, entity_id, ticket_id, message_id, filename, content_type, size_bytes, sha256, is_inline, created_at from attachments where entity_id = :eid and ticket_id = (lpad(to_hex(:g::bigint), 12, '0') || '7000b000' || lpad(to_hex(:g::bigint), 12, '0'))::uuid order by created_at, id;
select id, ticket_id, author_type, author_id, author_name, body, is_internal, channel, delivery, created_at, from_address from messages where entity_id = :eid and ticket_id = (lpad(to_hex(:g::bigint), 12, '0') || '7000b000' || lpad(to_hex(:g::bigint), 12, '0'))::uuid order by created_at, id;
