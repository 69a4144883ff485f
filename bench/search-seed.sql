-- Extra conversation for the search benchmark (bench/search.sh), run after bench/seed.sql has loaded the big
-- entity (entity 0, :big tickets, ~3 messages each) and before its indexes are rebuilt: two more messages per
-- ticket (about 5 messages per ticket in all) drawn from a small vocabulary, so that some words are common and
-- one ("quokka") is rare: in 1 of every 100,000 tickets. The generated search_tsv columns fill themselves.
\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
set session_replication_role = replica;

create temp table vocab(i int primary key, w text);
insert into vocab select i - 1, w from unnest(array[
 'printer', 'network', 'invoice', 'password', 'laptop', 'email', 'vpn', 'screen', 'account', 'refund',
 'shipping', 'order', 'billing', 'login', 'error', 'upgrade', 'export', 'report', 'calendar', 'keyboard']) with ordinality as t(w, i);

insert into messages(entity_id, id, ticket_id, author_type, author_id, author_name, body, is_internal, channel, created_at)
select t.entity_id,
       (lpad(to_hex(t.ticket_number), 12, '0') || '7' || lpad(to_hex(900 + k), 3, '0') || 'c000' || lpad(to_hex(t.ticket_number), 12, '0'))::uuid,
       t.id, case when k = 1 then 'contact' else 'agent' end, null, 'Bench',
       'Hello, about the ' || (select w from vocab where i = (t.ticket_number * 7 + k) % 20) || ' and the '
           || (select w from vocab where i = (t.ticket_number * 13 + k * 3) % 20) || ': it still fails after the update. '
           || case when t.ticket_number % 100000 = 17 and k = 2 then 'A quokka walked over the desk. ' else '' end
           || repeat('Some more words about what happened, step by step. ', 1 + (t.ticket_number % 5)::int),
       k = 2 and t.ticket_number % 4 = 0, 'api', t.created_at + interval '1 hour' * k
from tickets t cross join generate_series(1, 2) k
where t.entity_id = '00000000-0000-7000-a000-000000000000';
