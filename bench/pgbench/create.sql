-- The SQL the app runs for this operation (see docs/benchmarks.md), with the rate limiter off.
-- Variables from bench/run.sh: -D eid, owner, keyhash, big, msmin, msmax.
-- Ids are made in Java by the app (UUIDv7); here an equivalent time-ordered id is computed in SQL.
select k.id, k.entity_id, k.scopes, u.id as user_id, u.name as user_name, m.role from api_keys k join users u on u.id = k.created_by join memberships m on m.entity_id = k.entity_id and m.user_id = k.created_by where k.secret_hash = :keyhash and k.revoked_at is null and (k.expires_at is null or k.expires_at > now());
BEGIN;
update entities set last_ticket_number = last_ticket_number + 1 where id = :eid;
select last_ticket_number from entities where id = :eid \gset
insert into tickets (entity_id, id, ticket_number, subject, description, status, priority, channel, contact_email, contact_name, category_id, created_by, assigned_to, created_at, updated_at, first_response_at, resolved_at, closed_at) values (:eid, (lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid, :last_ticket_number, 'Printer jam on the third floor', 'The printer near the kitchen jams on every second page since Monday.', 'new', 'normal', 'api', 'jane@customer.example', 'Jane Doe', null, :owner, null, now(), now(), null, null, null);
COMMIT;
