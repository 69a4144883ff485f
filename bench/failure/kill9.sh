#!/usr/bin/env bash
# (a) kill -9 the app during a create load, restart it; every acknowledged (201) ticket must exist with the
# number it was acknowledged with, and numbers stay unique.   bench/failure/kill9.sh [--short]
set -euo pipefail
DB=${DB:-helpdesk_fail_kill9}
source "$(dirname "$0")/common.sh"
ensure_jar
LOAD_S=$((SHORT ? 20 : 60)); KILL_AT=$((SHORT ? 5 : 15))

create_db "$DB"
start_node a "$PORT_A"
$HD setup --base "http://127.0.0.1:$PORT_A" --out "$WORK/setup.json" >/dev/null
KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$WORK/setup.json")
ENTITY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['entityId'])" "$WORK/setup.json")

$HD load --base "http://127.0.0.1:$PORT_A" --key "$KEY" --seconds "$LOAD_S" --max 200000 --threads 8 \
    --out "$WORK/acked.jsonl" >"$WORK/load.json" &
LOAD_PID=$!
sleep "$KILL_AT"
before=$(wc -l <"$WORK/acked.jsonl")
log "kill -9 app (pid $APP_PID_a) after $before acknowledged creates"
kill -9 "$APP_PID_a"; wait "$APP_PID_a" 2>/dev/null || true
t_kill=$(date +%s.%N)
start_node a "$PORT_A"
log "app back after $(awk -v a="$t_kill" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s"
wait "$LOAD_PID" || true; LOAD_PID=""
log "load: $(cat "$WORK/load.json")"
# acknowledged after the restart, measured on the load client's clock (seconds from its start)
restart_t=$(python3 -c "import json,sys; l=[json.loads(x) for x in open(sys.argv[1])]; print(max(x['t'] for x in l[:$before]) if $before else 0)" "$WORK/acked.jsonl")
$HD verify --db "$DB" --entity "$ENTITY" --acked "$WORK/acked.jsonl" --after "$restart_t" \
    || die "kill -9: acknowledged tickets missing, numbers duplicated, or nothing created after the restart"
log "PASS kill9"
