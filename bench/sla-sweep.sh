#!/usr/bin/env bash
# SLA breach sweeper at scale (issue 24): 1,000,000 open tickets with a round-the-clock policy, 10,000 of them
# with a first response due in the next minute. Two app nodes sweep the same PostgreSQL database; the script
# reports how long until every due ticket has its breach recorded, checks each breach was recorded exactly
# once, and shows the plan of the sweeper's candidate query (an index range, not a scan).
#
# NOT RUN YET (the shared development machine gives no meaningful figures). Needs PostgreSQL on $PGHOST:$PGPORT,
# a role that may create databases, curl, and the jar (built unless BENCH_SKIP_BUILD=1).
#   bench/sla-sweep.sh                       # TICKETS=1000000 DUE=10000 by default
#   TICKETS=100000 DUE=1000 bench/sla-sweep.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

TICKETS=${TICKETS:-1000000}
DUE=${DUE:-10000}
DB=${BENCH_DB:-bench_sla_sweep}
PORT_A=${PORT_A:-18181}
PORT_B=${PORT_B:-18191}
PORT_C=${PORT_C:-18192}
export BENCH_LOG_DIR=${BENCH_LOG_DIR:-/tmp}

ensure_jar
create_db "$DB"
trap 'for p in ${APP_PID_a:-} ${APP_PID_b:-} ${APP_PID_c:-}; do kill "$p" 2>/dev/null || true; done' EXIT

# 1. the schema: one node starts (Flyway) and stops again
start_app a "$DB" "$PORT_A" HELPDESK_SLA_SWEEP_INTERVAL=PT1H HELPDESK_RATE_LIMIT_PER_MINUTE=0
wait_healthy "$PORT_A" 180 || die "app a did not start"
kill "$APP_PID_a"; wait "$APP_PID_a" 2>/dev/null || true; APP_PID_a=

# 2. the data, set-based: one entity, one policy (first response 60 minutes around the clock), TICKETS open
#    tickets; DUE of them are due within the next minute, the others in 1..30 days
log "seeding $TICKETS tickets, $DUE due in the next minute"
KEY=ak_slaSweepBench0123456789abcdefghijklmn
psql_q -d "$DB" -v tickets="$TICKETS" -v due="$DUE" -v key="$KEY" <<'SQL'
set synchronous_commit = off;
insert into users(id, email, password_hash, name, created_at)
values ('00000000-0000-7000-8000-000000000001', 'sla@bench.example', '{noop}x', 'SLA Bench', now());
insert into entities(id, name, last_ticket_number, created_at)
values ('00000000-0000-7000-a000-000000000001', 'SLA Bench', :tickets, now());
insert into memberships(entity_id, user_id, role, created_at)
values ('00000000-0000-7000-a000-000000000001', '00000000-0000-7000-8000-000000000001', 'owner', now());
insert into api_keys(entity_id, id, name, prefix, secret_hash, scopes, created_by, created_at)
values ('00000000-0000-7000-a000-000000000001', '00000000-0000-7000-d000-000000000001', 'bench', left(:'key', 11),
        encode(sha256(convert_to(:'key', 'UTF8')), 'hex'), 'read:helpdesk write:helpdesk',
        '00000000-0000-7000-8000-000000000001', now());
insert into api_key_secrets(secret_hash, entity_id, key_id)
values (encode(sha256(convert_to(:'key', 'UTF8')), 'hex'), '00000000-0000-7000-a000-000000000001',
        '00000000-0000-7000-d000-000000000001');
insert into sla_policies(entity_id, id, name, position, match_rule, calendar_id, targets, created_at)
values ('00000000-0000-7000-a000-000000000001', '00000000-0000-7000-e000-000000000001', 'Bench', 1,
        '{"priority":null,"categoryId":null,"channel":null}', null,
        '{"normal":{"firstResponse":60,"resolution":null}}', now());
insert into tickets(entity_id, id, ticket_number, subject, status, priority, channel, created_by, created_at,
                    updated_at, sla_policy_id, sla_first_response_due_at, sla_due_at, sla_breach_check_at)
select '00000000-0000-7000-a000-000000000001', md5('t' || g)::uuid, g, 'Ticket ' || g, 'open', 'normal', 'api',
       '00000000-0000-7000-8000-000000000001', d - interval '60 minutes', d - interval '60 minutes',
       '00000000-0000-7000-e000-000000000001', d, d, d
from (select g, case when g <= :due then now() + (g % 60) * interval '1 second'
                     else now() + interval '1 day' + (g % 2592000) * interval '1 second' end as d
      from generate_series(1, :tickets) g) s;
-- the seeded due times are already past when the nodes start: the sweep meets DUE overdue tickets at once
update tickets set sla_first_response_due_at = now() - interval '1 minute', sla_due_at = now() - interval '1 minute',
                   sla_breach_check_at = now() - interval '1 minute'
where ticket_number <= :due;
vacuum analyze tickets;
SQL

log "the sweeper's candidate query:"
psql_q -d "$DB" -c "explain (analyze, buffers) select entity_id, id, sla_breach_check_at from tickets
    where sla_breach_check_at <= now() + interval '1 minute' order by sla_breach_check_at limit 500"

# 3. the list's latency with no sweep running (the sweeper's interval is an hour), then during the sweep
command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null || die "could not install wrk"; }
LIST="http://127.0.0.1:$PORT_A/api/helpdesk/tickets?status=open&limit=25"
list_p99() {   # list_p99 SECONDS -> "p50 p99 req/s" of the open-ticket list at 4 connections
    wrk -t2 -c4 -d"${1}s" --latency -H "Authorization: Bearer $KEY" "$LIST" >"$BENCH_LOG_DIR/wrk-sla.txt"
    echo "$(awk '$1 == "50%" {print $2}' "$BENCH_LOG_DIR/wrk-sla.txt") $(awk '$1 == "99%" {print $2}' "$BENCH_LOG_DIR/wrk-sla.txt") $(awk '/Requests\/sec/ {print $2}' "$BENCH_LOG_DIR/wrk-sla.txt")"
}
# node a serves the list and never sweeps; nodes b and c sweep the same database every second
start_app a "$DB" "$PORT_A" HELPDESK_SLA_SWEEP_INTERVAL=PT1H HELPDESK_RATE_LIMIT_PER_MINUTE=0
wait_healthy "$PORT_A" 180 || die "app a did not start"
list_p99 10 >/dev/null   # warm-up
read -r b50 b99 brps < <(list_p99 20)
log "list without a sweep: p50 $b50, p99 $b99, $brps req/s (4 connections)"
start_app b "$DB" "$PORT_B" HELPDESK_SLA_SWEEP_INTERVAL=PT1S
start_app c "$DB" "$PORT_C" HELPDESK_SLA_SWEEP_INTERVAL=PT1S
wait_healthy "$PORT_B" 180 || die "app b did not start"
wait_healthy "$PORT_C" 180 || die "app c did not start"
start=$(date +%s)
deadline=$((start + 600))
read -r s50 s99 srps < <(list_p99 15)
log "list during the sweep of two other nodes: p50 $s50, p99 $s99, $srps req/s (4 connections)"
while :; do
    done_count=$(psql_q -d "$DB" -c "select count(*) from tickets where sla_first_response_breached_at is not null")
    (( done_count >= DUE )) && break
    (( $(date +%s) > deadline )) && die "only $done_count of $DUE breaches after 10 minutes"
    sleep 1
done
log "all $DUE breaches recorded $(( $(date +%s) - start )) s after both sweeping nodes were ready (all due at once)"
dupes=$(psql_q -d "$DB" -c "select count(*) from (select ticket_id from ticket_events
    where changes like '%firstResponseBreachedAt%' group by ticket_id having count(*) > 1) d")
late=$(psql_q -d "$DB" -c "select count(*) from tickets where sla_first_response_breached_at <> sla_first_response_due_at")
log "tickets with more than one breach event: $dupes (must be 0); breach time other than the due time: $late (must be 0)"
log "sweep passes (node: breaches in ms):"
grep -h "SLA sweep pass" "$BENCH_LOG_DIR"/app-b.log "$BENCH_LOG_DIR"/app-c.log | sed 's/^.*SLA sweep pass/  /' | head -40 >&2
[[ "$dupes" == 0 && "$late" == 0 ]] || die "breaches recorded wrongly"
[[ "${BENCH_KEEP_DB:-0}" == 1 ]] || drop_db "$DB"
