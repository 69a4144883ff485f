#!/usr/bin/env bash
# Webhook delivery throughput (NOT RUN on the shared development machine): one app on PostgreSQL, a local
# receiver, N ticket creations from 8 writers; reports how long until every event arrived and events/s.
#   bench/webhooks-throughput.sh [N]        (default 5000)
set -euo pipefail
DB=${DB:-helpdesk_bench_webhooks}
source "$(dirname "$0")/failure/common.sh"
ensure_jar
N=${1:-5000}
RECEIVER_PORT=${RECEIVER_PORT:-18098}
WH="python3 $FAIL_DIR/webhooks.py"
RECEIVER_PID=""
trap 'rc=$?; [[ -n "$RECEIVER_PID" ]] && kill "$RECEIVER_PID" 2>/dev/null; (exit $rc); failure_cleanup' EXIT

create_db "$DB"
start_app a "$DB" "$PORT_A" HELPDESK_RATE_LIMIT_PER_MINUTE=0 HELPDESK_WEBHOOKS_ALLOW_PRIVATE=true
wait_healthy "$PORT_A" 120 || die "the app did not start"
$WH receiver --port "$RECEIVER_PORT" --out "$WORK/received.jsonl" & RECEIVER_PID=$!
$WH setup --base "http://127.0.0.1:$PORT_A" --receiver "http://127.0.0.1:$RECEIVER_PORT/hook" --out "$WORK/setup.json"
KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$WORK/setup.json")
t0=$(date +%s.%N)
$WH burst --base "http://127.0.0.1:$PORT_A" --key "$KEY" --count "$N" --threads 8 --out "$WORK/acked.jsonl" >"$WORK/burst.json"
t1=$(date +%s.%N)
$WH check --acked "$WORK/acked.jsonl" --received "$WORK/received.jsonl" --timeout 600 >"$WORK/check.json"
t2=$(date +%s.%N)
log "writes: $(cat "$WORK/burst.json") in $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s"
log "delivered: $(cat "$WORK/check.json"); all events in $(awk -v a="$t0" -v b="$t2" 'BEGIN {printf "%.1f", b - a}') s" \
    "= $(awk -v a="$t0" -v b="$t2" -v n="$N" 'BEGIN {printf "%.0f", n / (b - a)}') events/s"
