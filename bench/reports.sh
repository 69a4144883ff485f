#!/usr/bin/env bash
# The reports route at scale (issue 26): N tickets (default 1,000,000) in one entity over 400 days, then the
# 90-day daily summary measured through the app with wrk (p50/p99) at 4 connections, and the report's heaviest
# statement straight to PostgreSQL beside it.
#
#   bench/reports.sh [--tickets N] [--duration SECONDS] [--conns C] [--db NAME] [--reuse-db]
#
# Results: bench/results/reports-<timestamp>/results.md. Loopback only; the database is dropped first.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

N=1000000 DURATION=30 CONNS=4 DB=helpdesk_bench_reports PORT=18190 REUSE=0
while (($#)); do
    case $1 in
        --tickets) N=$2; shift ;;
        --duration) DURATION=$2; shift ;;
        --conns) CONNS=$2; shift ;;
        --db) DB=$2; shift ;;
        --reuse-db) REUSE=1 ;;
        *) die "unknown option $1 (see the header of $0)" ;;
    esac
    shift
done
KEY=ak_reportsBench0123456789abcdefghijklmnopq
EID=00000000-0000-7000-a000-0000000000aa
OWNER=00000000-0000-7000-8000-0000000000aa
OUT="$BENCH_DIR/results/reports-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
export BENCH_LOG_DIR="$OUT"
APP_PID_reports=""
cleanup() { stop_pid "$APP_PID_reports"; }
trap cleanup EXIT INT TERM

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null || die "could not install wrk"; }
ensure_jar

seeded() { psql_q -d "$DB" -c "select n from bench_meta" 2>/dev/null | grep -qx "$N"; }

if ((REUSE)) && seeded; then
    log "reusing $DB ($N tickets)"
else
    create_db "$DB"
fi
# no per-key limit (the report is what is measured) and no contact backfill (the seed has no addresses)
start_app reports "$DB" "$PORT" HELPDESK_RATE_LIMIT_PER_MINUTE=0 HELPDESK_CONTACTS_BACKFILL=false
wait_healthy "$PORT" 180 || die "app did not become healthy; see $OUT/app-reports.log"

if ! seeded; then
    log "seeding $N tickets over 400 days"
    t0=$(date +%s)
    psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -v n="$N" -v key="$KEY" -v eid="$EID" -v owner="$OWNER" <<'SQL'
set synchronous_commit = off;
insert into users(id, email, password_hash, name, created_at)
values (:'owner', 'reports@bench.example', '{noop}not-a-login', 'Report Owner', now() - interval '500 days');
insert into entities(id, name, last_ticket_number, created_at) values (:'eid', 'Reports Corp', :n, now() - interval '500 days');
insert into memberships(entity_id, user_id, role, created_at) values (:'eid', :'owner', 'owner', now() - interval '500 days');
insert into users(id, email, password_hash, name, created_at)
select ('00000000-0000-7000-8000-0000000001' || lpad(to_hex(a), 2, '0'))::uuid, 'agent' || a || '@bench.example',
       '{noop}not-a-login', 'Agent ' || a, now() - interval '500 days' from generate_series(1, 20) a;
insert into memberships(entity_id, user_id, role, created_at)
select :'eid', ('00000000-0000-7000-8000-0000000001' || lpad(to_hex(a), 2, '0'))::uuid, 'agent', now() - interval '500 days'
from generate_series(1, 20) a;
insert into categories(entity_id, id, name, name_key, created_at)
select :'eid', ('00000000-0000-7000-c000-0000000000' || lpad(to_hex(c), 2, '0'))::uuid, 'Category ' || c, 'category ' || c, now()
from generate_series(1, 8) c;
insert into api_keys(entity_id, id, name, prefix, secret_hash, scopes, created_by, created_at)
values (:'eid', '00000000-0000-7000-d000-0000000000aa', 'bench', left(:'key', 11),
        encode(sha256(convert_to(:'key', 'UTF8')), 'hex'), 'read:helpdesk write:helpdesk', :'owner', now());
insert into api_key_secrets(secret_hash, entity_id, key_id)
values (encode(sha256(convert_to(:'key', 'UTF8')), 'hex'), :'eid', '00000000-0000-7000-d000-0000000000aa');
-- g = 1..n: created evenly over the last 400 days; 85 % answered within 0-8 h, 60 % resolved within 0-3 days,
-- half with a first-response target of an hour; assignees and categories round-robin (some none)
insert into tickets(entity_id, id, ticket_number, subject, status, priority, channel, created_by, assigned_to,
                    category_id, created_at, updated_at, first_response_at, resolved_at,
                    sla_first_response_due_at, sla_first_response_breached_at)
select :'eid', gen_random_uuid(), g, 'Report ticket ' || g,
       case when g % 5 < 3 then 'resolved' else 'open' end, 'normal', 'api', :'owner',
       case when g % 21 = 0 then null
            else ('00000000-0000-7000-8000-0000000001' || lpad(to_hex(g % 20 + 1), 2, '0'))::uuid end,
       case when g % 9 = 0 then null
            else ('00000000-0000-7000-c000-0000000000' || lpad(to_hex(g % 8 + 1), 2, '0'))::uuid end,
       c, c, fr, case when g % 5 < 3 then c + (g % 4320) * interval '1 minute' end,
       case when g % 2 = 0 then c + interval '1 hour' end,
       case when g % 2 = 0 and (fr is null or fr > c + interval '1 hour') then c + interval '1 hour' end
from (select g, now() - interval '400 days' + (g::double precision / :n) * interval '400 days' as c,
             case when g % 100 < 85 then now() - interval '400 days' + (g::double precision / :n) * interval '400 days'
                  + (g % 480) * interval '1 minute' end as fr
      from generate_series(1, :n) g) s;
vacuum analyze tickets;
create table bench_meta(n bigint);
SQL
    psql_q -d "$DB" -c "insert into bench_meta values ($N)"
    log "seeded in $(( $(date +%s) - t0 )) s"
fi

TO=$(date -u +%Y-%m-%d)
FROM=$(date -u -d "$TO - 89 days" +%Y-%m-%d)
URL="http://127.0.0.1:$PORT/api/helpdesk/reports/summary?from=$FROM&to=$TO&interval=day"
curl -fsS -H "Authorization: Bearer $KEY" "$URL" >"$OUT/summary.json" || die "the report failed"
log "warming up 20 s"
wrk -t2 -c"$CONNS" -d20s --timeout 30s -H "Authorization: Bearer $KEY" "$URL" >/dev/null
log "measuring ${DURATION} s at $CONNS connections"
wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 30s --latency -H "Authorization: Bearer $KEY" "$URL" >"$OUT/wrk.txt"
p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk.txt")
rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")

# the created side's statement as the app runs it (report.ReportQueries: one pass, grouping sets, in-memory sorts),
# straight to PostgreSQL, for the ratio; UTC days
STARTS=$(for i in $(seq 0 89); do date -u -d "$FROM + $i days" +%Y-%m-%dT00:00:00Z; done | paste -sd,)
raw=$(psql_q -d "$DB" <<SQL | sed -n 's/.*"Execution Time": \([0-9.]*\).*/\1/p'
select set_config('work_mem', '64MB', false), set_config('jit', 'off', false);
explain (analyze, format json)
select grouping(x.b) as gb, grouping(x.a) as ga, grouping(x.c) as gc, x.b, x.a, x.c, count(*) as created,
       percentile_disc(0.5) within group (order by x.fr) as fr_median,
       percentile_disc(0.9) within group (order by x.fr) as fr_p90,
       count(x.met) as met, count(x.breached) as breached
from (select width_bucket(t.created_at, cast('{$STARTS}' as timestamp with time zone[])) as b,
             t.assigned_to as a, t.category_id as c, date_part('epoch', t.first_response_at - t.created_at) / 60 as fr,
             case when t.sla_first_response_breached_at is null
                   and t.first_response_at <= t.sla_first_response_due_at then 1 end as met,
             t.sla_first_response_breached_at as breached
      from tickets t
      where t.entity_id = '$EID' and t.created_at >= '$FROM' and t.created_at < date '$TO' + 1) x
group by grouping sets ((x.b), (x.a), (x.c), ());
SQL
)
created=$(sed -n 's/.*"totals":{"created":\([0-9]*\).*/\1/p' "$OUT/summary.json")
{
    echo "# Reports at $N tickets ($(date -u +%FT%TZ))"
    echo
    echo "90-day daily summary ($FROM..$TO, $created tickets created in the range), $CONNS connections, ${DURATION} s:"
    echo
    echo "| route | p50 | p99 | req/s | raw PostgreSQL, the created side's statement |"
    echo "|---|---|---|---|---|"
    echo "| GET /api/helpdesk/reports/summary | $p50 | $p99 | $rps | ${raw} ms |"
} >"$OUT/results.md"
cat "$OUT/results.md"
