#!/usr/bin/env bash
# (e) Read replica. A pg_auto_failover formation (bench/failure/formation.sh, ports 55434-55436) whose
# synchronous secondary serves the app's read-only transactions (HELPDESK_DB_REPLICA_URL). The standby
# applies WAL RECOVERY_DELAY late (recovery_min_apply_delay), so a read that wrongly went to it would miss a
# fresh write. Shows:
#   1. list/search traffic is served by the standby (its pg_stat_database commits and the app's counters);
#   2. read-your-writes: PAIRS create-then-search pairs, each by its own API key, always find the new ticket,
#      while a key that never writes misses some of them (the standby really is behind);
#   3. a standby further behind than the bound (5 s), or stopped, leaves the app serving lists from the primary.
#   bench/failure/replica.sh [--short]      (does not touch the PostgreSQL on 5432)
set -euo pipefail
DB=helpdesk_replica
KEEP_DB=1   # the database lives in the formation
PORT_A=${PORT_A:-18091}
FORMATION_PORT=${FORMATION_PORT:-55434}
source "$(dirname "$0")/common.sh"
source "$FAIL_DIR/formation.sh"
trap 'rc=$?; formation_down; (exit $rc); failure_cleanup' EXIT
ensure_jar
PAIRS=${PAIRS:-$((SHORT ? 1000 : 10000))}; READ_S=$((SHORT ? 15 : 60)); WRITERS=8
RECOVERY_DELAY=${RECOVERY_DELAY:-300ms}

formation_up "$DB"
FORMATION_DB=$DB
N1=$((FORMATION_PORT + 1)) N2=$((FORMATION_PORT + 2))
STANDBY=$(formation_standby_port)
node_sql "$STANDBY" "alter system set recovery_min_apply_delay = '$RECOVERY_DELAY'" >/dev/null
node_sql "$STANDBY" "select pg_reload_conf()" >/dev/null
log "standby on port $STANDBY applies WAL $(node_sql "$STANDBY" "show recovery_min_apply_delay") late"
start_app a "$DB" "$PORT_A" \
    HELPDESK_DB_URL="jdbc:postgresql://127.0.0.1:$N1,127.0.0.1:$N2/$DB?targetServerType=primary&connectTimeout=2&hostRecheckSeconds=1" \
    HELPDESK_DB_REPLICA_URL="jdbc:postgresql://127.0.0.1:$STANDBY/$DB?connectTimeout=1" \
    HELPDESK_RATE_LIMIT_PER_MINUTE=0 HELPDESK_DB_POOL_SIZE=20 HELPDESK_ACTUATOR_ENDPOINTS=health,prometheus \
    HELPDESK_MANAGEMENT_PORT=$((PORT_A + 1))
wait_healthy "$PORT_A" 120 || die "the app did not start (see $WORK/app-a.log)"
BASE=http://127.0.0.1:$PORT_A
METRICS=http://127.0.0.1:$((PORT_A + 1))/actuator/prometheus   # the management port
$HD setup --base "$BASE" --out "$WORK/setup.json" --keys $((WRITERS + 1)) >/dev/null
keys() { python3 -c "import json,sys; k=json.load(open(sys.argv[1]))['keys']; print(eval(sys.argv[2]))" "$WORK/setup.json" "$1"; }
WRITER_KEYS=$(keys "','.join(k[1:])")
READER=$(keys "k[0]")

reads() {   # the app's counter of read-only transactions by target (replica|primary)
    curl -fsS "$METRICS" | awk -v t="$1" '$1 ~ "^helpdesk_db_reads_total" && $1 ~ "target=\""t"\"" {s += $2} END {printf "%d", s}'
}
commits() { node_sql "$1" "select xact_commit from pg_stat_database where datname = '$DB'"; }

# 1. list/search served by the standby: seed tickets with one writer key, then read with the reader key
python3 "$FAIL_DIR/hd.py" load --base "$BASE" --key "${WRITER_KEYS%%,*}" --seconds 20 --max 300 --threads 4 \
    --out "$WORK/seed.jsonl" >/dev/null
sleep 2
PRIMARY=$(formation_primary_port)
r0=$(reads replica) p0=$(reads primary) s0=$(commits "$STANDBY") m0=$(commits "$PRIMARY")
$HD reads --base "$BASE" --key "$READER" --seconds "$READ_S" --threads 8 >"$WORK/reads.json"
r1=$(reads replica) p1=$(reads primary) s1=$(commits "$STANDBY") m1=$(commits "$PRIMARY")
log "reads: $(cat "$WORK/reads.json")"
read -r requests ok <<<"$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(s['requests'], s['status'].get('200', 0))" "$WORK/reads.json")"
log "list/search: $requests requests ($ok ok); app: replica $((r1 - r0)), primary $((p1 - p0)) read-only transactions;"\
" commits on the standby +$((s1 - s0)), on the primary +$((m1 - m0))"
((ok == requests)) || die "list/search requests failed with both nodes up"
((r1 - r0 >= requests * 9 / 10)) || die "the standby served $((r1 - r0)) of $requests lists"
((s1 - s0 >= requests * 9 / 10)) || die "the standby's commit counter moved by $((s1 - s0)) only"

# 2. read-your-writes
$HD ryw --base "$BASE" --keys "$WRITER_KEYS" --control "$READER" --pairs "$PAIRS" >"$WORK/ryw.json" \
    || die "read-your-writes broken: $(cat "$WORK/ryw.json")"
r2=$(reads replica) p2=$(reads primary)
log "read-your-writes: $(cat "$WORK/ryw.json"); read-only transactions meanwhile: replica $((r2 - r1)), primary $((p2 - p1))"
pairs=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['pairs'])" "$WORK/ryw.json")
((pairs >= PAIRS * 99 / 100)) || die "only $pairs of $PAIRS pairs completed"

# 2b. a standby further behind than HELPDESK_DB_REPLICA_MAX_LAG (5 s) is skipped: it now applies WAL 20 s late,
# and 8 s of writes put it more than 5 s behind the primary
node_sql "$STANDBY" "alter system set recovery_min_apply_delay = '20s'" >/dev/null
node_sql "$STANDBY" "select pg_reload_conf()" >/dev/null
$HD load --base "$BASE" --key "${WRITER_KEYS%%,*}" --seconds 8 --max 1000000 --threads 2 \
    --out "$WORK/lag.jsonl" >/dev/null
r5=$(reads replica) p5=$(reads primary)
$HD reads --base "$BASE" --key "$READER" --seconds 5 --threads 8 >"$WORK/reads-lag.json"
r6=$(reads replica) p6=$(reads primary)
lag=$(curl -fsS "$METRICS" | awk '$1 ~ "^helpdesk_db_replica_lag_seconds" {print $2}')
log "with the standby behind (lag $lag s): $(cat "$WORK/reads-lag.json"); replica $((r6 - r5)), primary $((p6 - p5))"
read -r lag_requests lag_ok <<<"$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(s['requests'], s['status'].get('200', 0))" "$WORK/reads-lag.json")"
((lag_ok == lag_requests && lag_requests > 0)) || die "lists failed while the standby lagged"
((r6 == r5)) || die "$((r6 - r5)) reads went to a standby lagging more than the bound"

# 3. stop the standby: lists keep working, from the primary
log "stopping the standby (port $STANDBY)"
setpriv --reuid=postgres --regid=postgres --init-groups -- env HOME="$FORMATION_DIR" PATH="$PGBIN:$PATH" \
    XDG_CONFIG_HOME="$FORMATION_DIR/xdg/config" XDG_DATA_HOME="$FORMATION_DIR/xdg/data" \
    XDG_RUNTIME_DIR="$FORMATION_DIR/xdg/run" pg_autoctl stop --pgdata "$(node_dir "$STANDBY")" >/dev/null 2>&1
for ((i = 0; i < 40; i++)); do port_free "$STANDBY" && break; sleep 0.25; done
port_free "$STANDBY" || die "the standby did not stop"
sleep 1
r3=$(reads replica) p3=$(reads primary)
$HD reads --base "$BASE" --key "$READER" --seconds 10 --threads 8 >"$WORK/reads-down.json"
r4=$(reads replica) p4=$(reads primary)
log "with the standby stopped: $(cat "$WORK/reads-down.json"); replica $((r4 - r3)), primary $((p4 - p3))"
read -r requests ok <<<"$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(s['requests'], s['status'].get('200', 0))" "$WORK/reads-down.json")"
((ok == requests && requests > 0)) || die "lists failed with the standby stopped"
((r4 == r3)) || die "reads went to the stopped standby"

python3 - "$WORK/reads.json" "$WORK/ryw.json" "$((r1 - r0))" "$((p1 - p0))" "$((s1 - s0))" "$requests" "$RECOVERY_DELAY" "$lag_requests" <<'EOF' >&2
import json, sys
reads, ryw = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
print("RESULT replica " + json.dumps({
    "standby_apply_delay": sys.argv[7], "list_search_requests": reads["requests"],
    "served_by_standby": int(sys.argv[3]), "served_by_primary": int(sys.argv[4]),
    "standby_commits": int(sys.argv[5]), "ryw_pairs": ryw["pairs"], "ryw_missed": ryw["own_read_missed"],
    "control_reads": ryw["control_reads"], "control_missed": ryw["control_missed"],
    "lists_with_standby_lagging": int(sys.argv[8]), "served_by_lagging_standby": 0,
    "lists_with_standby_stopped": int(sys.argv[6]), "failed_with_standby_stopped": 0}))
EOF
log "PASS replica"
