-- The SQL the app runs for this operation (see docs/benchmarks.md), with the rate limiter off.
-- Variables from bench/run.sh: -D eid, owner, keyhash, big, msmin, msmax.
\set p random(1, 40)
-- Ids are made in Java by the app (UUIDv7); here an equivalent time-ordered id is computed in SQL.
-- authentication as the app does it (auth.KeyDirectoryOnTable): the global secret lookup names the key's entity,
-- then the key, its creator and role are read in that entity (a router query on Citus)
select entity_id as key_entity, key_id from api_key_secrets where secret_hash = :keyhash \gset
select k.id, k.entity_id, k.scopes, u.id as user_id, u.name as user_name, m.role from api_keys k join users u on u.id = k.created_by join memberships m on m.entity_id = k.entity_id and m.user_id = k.created_by where k.entity_id = :key_entity and k.id = :key_id and k.revoked_at is null and (k.expires_at is null or k.expires_at > now());
BEGIN;
-- the contact the address belongs to (contact.ContactLinks: an existing contact is linked, none is made here)
select c.id, c.entity_id, c.name, c.phone, c.organization_id, c.merged_into, c.created_at, c.updated_at, e.email from contact_emails o join contacts c on c.entity_id = o.entity_id and c.id = o.contact_id join contact_emails e on e.entity_id = c.entity_id and e.contact_id = c.id where o.entity_id = :eid and o.email = 'jane@customer.example' order by e.position, e.email;
select (lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid as tid \gset
-- as the app on PostgreSQL (entity.TicketCounter.next): one statement takes the next number and returns it
update entities set last_ticket_number = last_ticket_number + 1 where id = :eid returning last_ticket_number \gset
insert into tickets (entity_id, id, ticket_number, subject, description, status, priority, channel, contact_email, contact_name, category_id, created_by, assigned_to, created_at, updated_at, first_response_at, resolved_at, closed_at, contact_id, tags) values (:eid, :tid, :last_ticket_number, (array['Printer not working', 'Cannot log in', 'Password reset request', 'Invoice question', 'Refund request', 'VPN disconnects often', 'Email not syncing', 'Laptop overheating', 'Screen flickers', 'Order not delivered', 'Wrong item shipped', 'Billing address change', 'Cancel my subscription', 'Upgrade plan', 'Slow dashboard', 'Export to CSV fails', 'Two-factor code missing', 'Account locked', 'Mobile app crashes', 'Payment declined', 'Duplicate charge', 'Feature request: dark mode', 'API returns 500', 'Webhook not firing', 'Data import stuck', 'Calendar invite broken', 'Shipping label error', 'Damaged package', 'Warranty claim', 'License key invalid', 'Cannot upload attachment', 'Report shows wrong totals', 'Notification spam', 'Translation missing', 'Keyboard not detected', 'Wi-Fi drops at office', 'Meeting room display off', 'New hire onboarding', 'Access to shared drive', 'Question about pricing'])[:p] || ' (new)', 'The printer near the kitchen jams on every second page since Monday.', 'new', 'normal', 'api', 'jane@customer.example', 'Jane Doe', null, :owner, null, now(), now(), null, null, null, null, '');
-- the SLA policies the new ticket is matched against (TicketManagement.withSla)
select id, entity_id, name, position, match_rule, calendar_id, targets, created_at from sla_policies where entity_id = :eid order by position, created_at, id;
-- the history entry, in the same transaction (TicketManagement.record)
insert into ticket_events (entity_id, id, ticket_id, type, actor_type, actor_id, actor_name, changes, message_id, created_at) values (:eid, (lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid, :tid, 'created', 'agent', :owner, 'Bench Owner 0', '{}', null, now());
-- the entity's enabled webhooks, for the event's deliveries (webhook.WebhookEvents.record)
select entity_id, id, url, events, enabled, description, disabled_reason, secret, previous_secret, previous_secret_until, failing_since, created_at from webhooks where entity_id = :eid and enabled = true;
COMMIT;
