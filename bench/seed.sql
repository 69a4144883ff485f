-- Set-based seed for the benchmark database (run by bench/run.sh after Flyway has created the schema).
-- Variables (psql -v): big = tickets in the big entity, spread = tickets spread over nent other entities,
-- key = the API key string whose sha256 is stored for the big entity's owner.
-- Ids are deterministic and time-ordered (like UUIDv7) so pgbench scripts and wrk scripts can compute them:
--   user n     00000000-0000-7000-8000-<n, 12 hex>
--   entity n   00000000-0000-7000-a000-<n, 12 hex>   (entity 0 is the big one)
--   ticket g   <g, 12 hex>7000b000<g, 12 hex>
--   message    <g, 12 hex>7<k, 3 hex>c000<g, 12 hex>
-- Every 1000th ticket of the big entity has 20 messages, every other ticket 3.
\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
set session_replication_role = replica;   -- no FK triggers during the bulk load (the data is consistent by construction)

create temp table phrases(i int primary key, p text);
insert into phrases(i, p) select i - 1, p from unnest(array[
 'Printer not working', 'Cannot log in', 'Password reset request', 'Invoice question', 'Refund request',
 'VPN disconnects often', 'Email not syncing', 'Laptop overheating', 'Screen flickers', 'Order not delivered',
 'Wrong item shipped', 'Billing address change', 'Cancel my subscription', 'Upgrade plan', 'Slow dashboard',
 'Export to CSV fails', 'Two-factor code missing', 'Account locked', 'Mobile app crashes', 'Payment declined',
 'Duplicate charge', 'Feature request: dark mode', 'API returns 500', 'Webhook not firing', 'Data import stuck',
 'Calendar invite broken', 'Shipping label error', 'Damaged package', 'Warranty claim', 'License key invalid',
 'Cannot upload attachment', 'Report shows wrong totals', 'Notification spam', 'Translation missing',
 'Keyboard not detected', 'Wi-Fi drops at office', 'Meeting room display off', 'New hire onboarding',
 'Access to shared drive', 'Question about pricing']) with ordinality as t(p, i);

-- drop the secondary indexes of tickets and messages (not those backing constraints); rebuilt by index.sql
create table if not exists bench_dropped_indexes(indexname text primary key, indexdef text not null);
insert into bench_dropped_indexes
select i.indexname, i.indexdef from pg_indexes i
where i.schemaname = 'public' and i.tablename in ('tickets', 'messages')
  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
on conflict do nothing;
select format('drop index if exists %I', indexname) from bench_dropped_indexes \gexec

insert into users(id, email, password_hash, name, created_at)
select ('000000000000700080000' || lpad(to_hex(n), 11, '0'))::uuid, 'owner' || n || '@bench.example',
       '{noop}not-a-login', 'Bench Owner ' || n, now() - interval '400 days'
from generate_series(0, :nent) n;

insert into entities(id, name, last_ticket_number, created_at)
select ('0000000000007000a000' || lpad(to_hex(n), 12, '0'))::uuid,
       case when n = 0 then 'Big Corp' else 'Tenant ' || n end, 0, now() - interval '400 days'
from generate_series(0, :nent) n;

insert into memberships(entity_id, user_id, role, created_at)
select ('0000000000007000a000' || lpad(to_hex(n), 12, '0'))::uuid,
       ('000000000000700080000' || lpad(to_hex(n), 11, '0'))::uuid, 'owner', now() - interval '400 days'
from generate_series(0, :nent) n;

insert into api_keys(entity_id, id, name, prefix, secret_hash, scopes, created_by, created_at)
values ('00000000-0000-7000-a000-000000000000', '00000000-0000-7000-d000-000000000000', 'bench',
        left(:'key', 11), encode(sha256(convert_to(:'key', 'UTF8')), 'hex'), 'read:helpdesk write:helpdesk',
        '00000000-0000-7000-8000-000000000000', now());
-- the key directory the API authenticates against (V40)
insert into api_key_secrets(secret_hash, entity_id, key_id)
values (encode(sha256(convert_to(:'key', 'UTF8')), 'hex'), '00000000-0000-7000-a000-000000000000',
        '00000000-0000-7000-d000-000000000000');

-- tickets: g in 1..big belong to entity 0 (number g); the rest round-robin over entities 1..nent
insert into tickets(entity_id, id, ticket_number, subject, description, status, priority, channel,
                    contact_email, contact_name, category_id, created_by, assigned_to, created_at, updated_at,
                    first_response_at, resolved_at, closed_at)
select e.entity_id, (lpad(to_hex(g), 12, '0') || '7000b000' || lpad(to_hex(g), 12, '0'))::uuid, e.num,
       p.p || ' (order ' || (100000 + (g::bigint * 7919) % 900000) || ')',
       'Customer writes: ' || p.p || '. It started after the last update and happens every day. Ref ' || md5(g::text),
       s.status, (array['low','normal','normal','high','urgent'])[1 + g % 5],
       (array['email','web','phone','chat','api'])[1 + g % 5],
       'contact' || (g % 50000) || '@customer.example', 'Contact ' || (g % 50000),
       null, e.owner, null, c.created_at, c.created_at + interval '2 hours',
       case when s.status <> 'new' then c.created_at + interval '30 minutes' end,
       case when s.status in ('resolved', 'closed') then c.created_at + interval '2 hours' end,
       case when s.status = 'closed' then c.created_at + interval '2 hours' end
from generate_series(1, :big + :spread) g
cross join lateral (select case when g <= :big then 0 else 1 + (g - :big - 1) % :nent end as en,
                           case when g <= :big then g else (g - :big - 1) / :nent + 1 end as num) x
cross join lateral (select ('0000000000007000a000' || lpad(to_hex(x.en), 12, '0'))::uuid as entity_id,
                           ('000000000000700080000' || lpad(to_hex(x.en), 11, '0'))::uuid as owner, x.num) e
cross join lateral (select now() - interval '365 days' + (case when g <= :big then g::float8 / :big else (g - :big)::float8 / :spread end) * interval '364 days' as created_at) c
cross join lateral (select (array['closed','closed','closed','closed','closed','resolved','pending','open','open','new'])[1 + g % 10] as status) s
join phrases p on p.i = (g * 7) % 40;

update entities set last_ticket_number = case when id = '00000000-0000-7000-a000-000000000000' then :big
    else (select coalesce(max(ticket_number), 0) from tickets t where t.entity_id = entities.id) end;

insert into messages(entity_id, id, ticket_id, author_type, author_id, author_name, body, is_internal, created_at)
select ('0000000000007000a000' || lpad(to_hex(x.en), 12, '0'))::uuid,
       (lpad(to_hex(g), 12, '0') || '7' || lpad(to_hex(k), 3, '0') || 'c000' || lpad(to_hex(g), 12, '0'))::uuid,
       (lpad(to_hex(g), 12, '0') || '7000b000' || lpad(to_hex(g), 12, '0'))::uuid,
       case when k % 2 = 1 then 'contact' else 'agent' end,
       case when k % 2 = 1 then null else ('000000000000700080000' || lpad(to_hex(x.en), 11, '0'))::uuid end,
       case when k % 2 = 1 then 'Contact ' || (g % 50000) else 'Bench Owner ' || x.en end,
       case when k % 2 = 1 then 'Hello, I still have this problem. Here are the details you asked for: step ' || k
                                || ', build 4.2.' || (g % 97) || ', browser and OS are up to date. Thanks!'
            else 'Thanks for the details. We reproduced it and a fix is on the way; we will update you here (step '
                 || k || ').' end,
       false,
       now() - interval '365 days' + (case when g <= :big then g::float8 / :big else (g - :big)::float8 / :spread end) * interval '364 days'
           + k * interval '3 minutes'
from generate_series(1, :big + :spread) g
cross join lateral (select case when g <= :big then 0 else 1 + (g - :big - 1) % :nent end as en) x
cross join lateral generate_series(1, case when g <= :big and g % 1000 = 0 then 20 else 3 end) k;
