-- The SQL the app runs for this operation (see docs/benchmarks.md), with the rate limiter off.
-- Variables from bench/run.sh: -D eid, owner, keyhash, big, msmin, msmax.
\set g random(1, :big)
-- authentication as the app does it (auth.KeyDirectoryOnTable): the global secret lookup names the key's entity,
-- then the key, its creator and role are read in that entity (a router query on Citus)
select entity_id as key_entity, key_id from api_key_secrets where secret_hash = :keyhash \gset
select k.id, k.entity_id, k.scopes, u.id as user_id, u.name as user_name, m.role from api_keys k join users u on u.id = k.created_by join memberships m on m.entity_id = k.entity_id and m.user_id = k.created_by where k.entity_id = :key_entity and k.id = :key_id and k.revoked_at is null and (k.expires_at is null or k.expires_at > now());
BEGIN;
select id, entity_id, ticket_number, subject, description, status, priority, channel, contact_email, contact_name, category_id, created_by, assigned_to, created_at, updated_at, first_response_at, resolved_at, closed_at, contact_id, tags, merged_into, sla_policy_id, sla_first_response_due_at, sla_resolution_due_at, sla_first_response_breached_at, sla_resolution_breached_at, sla_paused_since, sla_stopped_since, sla_stopped_ms, sla_due_at, sla_breach_check_at, sla_breached from tickets where entity_id = :eid and id = (lpad(to_hex(:g::bigint), 12, '0') || '7000b000' || lpad(to_hex(:g::bigint), 12, '0'))::uuid for update;
-- does the entity send mail (an agent's public reply to a ticket with a contact is mailed when it has a mailbox)
select count(*) from mailboxes where entity_id = :eid and enabled;
select (lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid as mid \gset
insert into messages (entity_id, id, ticket_id, author_type, author_id, author_name, body, is_internal, channel, delivery, created_at, from_address) values (:eid, :mid, (lpad(to_hex(:g::bigint), 12, '0') || '7000b000' || lpad(to_hex(:g::bigint), 12, '0'))::uuid, 'agent', :owner, 'Bench Owner 0', 'Thanks, we are looking into it and will get back to you today.', false, 'api', null, now(), null);
update tickets set subject = subject, description = description, status = case when status = 'new' then 'open' else status end, priority = priority, channel = channel, contact_email = contact_email, contact_name = contact_name, category_id = category_id, assigned_to = assigned_to, updated_at = now(), first_response_at = coalesce(first_response_at, now()), resolved_at = resolved_at, closed_at = closed_at, contact_id = contact_id, tags = tags, merged_into = merged_into where entity_id = :eid and id = (lpad(to_hex(:g::bigint), 12, '0') || '7000b000' || lpad(to_hex(:g::bigint), 12, '0'))::uuid;
-- the SLA policies the ticket's clock is matched against (TicketManagement.withSla)
select id, entity_id, name, position, match_rule, calendar_id, targets, created_at from sla_policies where entity_id = :eid order by position, created_at, id;
-- the history entry of the message (a status move would add one more)
insert into ticket_events (entity_id, id, ticket_id, type, actor_type, actor_id, actor_name, changes, message_id, created_at) values (:eid, (lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid, (lpad(to_hex(:g::bigint), 12, '0') || '7000b000' || lpad(to_hex(:g::bigint), 12, '0'))::uuid, 'message_added', 'agent', :owner, 'Bench Owner 0', '{}', :mid, now());
-- the entity's enabled webhooks, for the event's deliveries (webhook.WebhookEvents.record)
select entity_id, id, url, events, enabled, description, disabled_reason, secret, previous_secret, previous_secret_until, failing_since, created_at from webhooks where entity_id = :eid and enabled = true;
COMMIT;
