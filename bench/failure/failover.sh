#!/usr/bin/env bash
# (d) PostgreSQL failover under a create+message load (16 writers). A pg_auto_failover formation (monitor +
# primary + synchronous secondary, bench/failure/formation.sh) on ports 55431-55433; the app connects with a
# multi-host URL (targetServerType=primary). kill -9 of the primary's postmaster: pg_auto_failover promotes the
# secondary, the app serves writes again without a restart, every acknowledged write survives, ticket numbers
# stay unique, and requests in flight fail with 503 (or time out), never another error.
#   bench/failure/failover.sh [--short]      (does not touch the PostgreSQL on 5432)
set -euo pipefail
DB=helpdesk_failover
KEEP_DB=1   # the database lives in the formation, not on the shared PostgreSQL
PORT_A=${PORT_A:-18090}
FORMATION_PORT=${FORMATION_PORT:-55431}
source "$(dirname "$0")/common.sh"
source "$FAIL_DIR/formation.sh"
trap 'rc=$?; formation_down; (exit $rc); failure_cleanup' EXIT
ensure_jar
LOAD_S=$((SHORT ? 35 : 120)); KILL_AT=$((SHORT ? 10 : 40)); THREADS=16
RECOVER_S=${RECOVER_S:-30}

formation_up "$DB"
FORMATION_DB=$DB
N1=$((FORMATION_PORT + 1)) N2=$((FORMATION_PORT + 2))
URL="jdbc:postgresql://127.0.0.1:$N1,127.0.0.1:$N2/$DB?targetServerType=primary&connectTimeout=2&hostRecheckSeconds=1"
start_app a "$DB" "$PORT_A" HELPDESK_DB_URL="$URL" HELPDESK_RATE_LIMIT_PER_MINUTE=0 HELPDESK_DB_POOL_SIZE=20
wait_healthy "$PORT_A" 120 || die "the app did not start (see $WORK/app-a.log)"
BASE=http://127.0.0.1:$PORT_A
$HD setup --base "$BASE" --out "$WORK/setup.json" >/dev/null
KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$WORK/setup.json")
ENTITY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['entityId'])" "$WORK/setup.json")

t0=$(date +%s.%N)
$HD load --base "$BASE" --key "$KEY" --seconds "$LOAD_S" --max 10000000 --threads "$THREADS" --messages 2 --timeout 15 \
    --out "$WORK/acked.jsonl" >"$WORK/load.json" &
LOAD_PID=$!
sleep "$KILL_AT"
before=$(wc -l <"$WORK/acked.jsonl")
old=$(formation_kill_primary)
t_kill=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}')
log "killed at ${t_kill} s into the load, after $before acknowledged writes"
new=""
for ((i = 0; i < 240; i++)); do
    p=$(monitor_sql "select nodeport from pgautofailover.node where reportedstate = 'primary' or
        (reportedstate = 'wait_primary' and goalstate = 'wait_primary')" 2>/dev/null || true)
    if [[ -n "$p" && "$p" != "$old" ]]; then new=$p; break; fi
    sleep 0.25
done
[[ -n "$new" ]] || die "no standby was promoted within 60 s: $(formation_states | tr '\n' ' ')"
promoted=$(awk -v a="$t0" -v b="$(date +%s.%N)" -v k="$t_kill" 'BEGIN {printf "%.1f", b - a - k}')
log "node on port $new promoted ${promoted} s after the kill"
wait "$LOAD_PID" || true; LOAD_PID=""
kill -0 "$APP_PID_a" || die "the app died"
log "load: $(cat "$WORK/load.json")"

# the longest stretch without any acknowledged write (the verify below also requires writes after the kill)
gap=$($HD gap --acked "$WORK/acked.jsonl")
no_writes=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['longest_gap_s'])" "$gap")
log "longest time without an acknowledged write: $no_writes s"
awk -v d="$no_writes" -v l="$RECOVER_S" 'BEGIN {exit !(d <= l)}' || die "no writes for $no_writes s (limit $RECOVER_S s)"

# failures must be 503 (with Retry-After, checked by the app's tests) or no answer in time; never 500 or 4xx
bad=$(python3 -c "
import json, sys
s = json.load(open(sys.argv[1]))['status']
print(' '.join(f'{k}:{v}' for k, v in s.items() if k not in ('503', 'TimeoutError', 'RemoteDisconnected', 'ConnectionResetError')))
" "$WORK/load.json")
[[ -z "$bad" ]] || die "requests failed with something other than 503 or a timeout: $bad"
no_retry=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['503_without_retry_after'])" "$WORK/load.json")
((no_retry == 0)) || die "$no_retry answers 503 came without Retry-After"

export PGPORT=$new
$HD verify --db "$DB" --entity "$ENTITY" --acked "$WORK/acked.jsonl" --after "$t_kill" >"$WORK/verify.json" \
    || die "acknowledged writes lost or numbers duplicated: $(cat "$WORK/verify.json")"
log "verify: $(cat "$WORK/verify.json")"
code=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "$BASE/api/helpdesk/tickets?limit=1" -H "Authorization: Bearer $KEY")
[[ $code == 200 ]] || die "GET after the failover: $code"

# the old primary rejoins as a secondary (pg_rewind); reported, required in the full run
rejoined=no
for ((i = 0; i < $((SHORT ? 1 : 240)); i++)); do
    [[ $(monitor_sql "select reportedstate from pgautofailover.node where nodeport = $old") == secondary ]] \
        && { rejoined=yes; break; }
    sleep 0.5
done
log "old primary (port $old) back as secondary: $rejoined; states: $(formation_states | tr '\n' ' ')"
((SHORT)) || [[ $rejoined == yes ]] || die "the old primary did not rejoin as secondary"
python3 - "$WORK/load.json" "$WORK/verify.json" "$promoted" "$no_writes" "$THREADS" "$LOAD_S" <<'EOF' >&2
import json, sys
load, ver = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print("RESULT failover " + json.dumps({
    "writers": int(sys.argv[5]), "load_s": int(sys.argv[6]), "promotion_s": float(sys.argv[3]),
    "seconds_without_writes": float(sys.argv[4]), "acked_tickets": ver["acked"],
    "acked_messages": ver["acked_messages"], "lost_acked": ver["missing"] + ver["missing_messages"],
    "wrong_numbers": ver["wrong_number"], "duplicate_numbers": ver["duplicate_numbers_db"],
    "failed_requests": load["status"], "app_restarts": 0}))
EOF
log "PASS failover"
