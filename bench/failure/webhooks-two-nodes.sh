#!/usr/bin/env bash
# Two nodes on one database share the deliveries (a webhook is claimed by one node at a time); node a is
# killed (-9) in the middle of a burst of 200 creations spread over both: no acknowledged change's event is
# lost, duplicates are counted.   bench/failure/webhooks-two-nodes.sh
set -euo pipefail
DB=${DB:-helpdesk_fail_webhooks_two}
source "$(dirname "$0")/common.sh"
ensure_jar
RECEIVER_PORT=${RECEIVER_PORT:-18097}
WH="python3 $FAIL_DIR/webhooks.py"
HOOK_ENV=(HELPDESK_WEBHOOKS_ALLOW_PRIVATE=true HELPDESK_WEBHOOKS_RETRY_SCHEDULE=1s,2s,4s,8s,15s,30s,60s)
RECEIVER_PID=""
trap 'rc=$?; [[ -n "$RECEIVER_PID" ]] && kill "$RECEIVER_PID" 2>/dev/null; (exit $rc); failure_cleanup' EXIT

create_db "$DB"
start_app a "$DB" "$PORT_A" HELPDESK_RATE_LIMIT_PER_MINUTE=0 "${HOOK_ENV[@]}"
wait_healthy "$PORT_A" 120 || die "node a did not start"
start_app b "$DB" "$PORT_B" HELPDESK_RATE_LIMIT_PER_MINUTE=0 "${HOOK_ENV[@]}"
wait_healthy "$PORT_B" 120 || die "node b did not start"
$WH receiver --port "$RECEIVER_PORT" --out "$WORK/received.jsonl" & RECEIVER_PID=$!
$WH setup --base "http://127.0.0.1:$PORT_A" --receiver "http://127.0.0.1:$RECEIVER_PORT/hook" --out "$WORK/setup.json"
KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$WORK/setup.json")

$WH burst --base "http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B" --key "$KEY" --count 200 --threads 8 \
    --out "$WORK/acked.jsonl" >"$WORK/burst.json" & LOAD_PID=$!
for ((i = 0; i < 100; i++)); do [[ -f "$WORK/acked.jsonl" ]] && (($(wc -l <"$WORK/acked.jsonl") >= 60)) && break; sleep 0.1; done
log "kill -9 node a (pid $APP_PID_a) after $(wc -l <"$WORK/acked.jsonl") acknowledged creations"
kill -9 "$APP_PID_a"; wait "$APP_PID_a" 2>/dev/null || true; APP_PID_a=""
wait "$LOAD_PID" || true; LOAD_PID=""
log "burst: $(cat "$WORK/burst.json")"
# node b alone delivers what node a left (its claims run out after the 1-minute lease)
$WH check --acked "$WORK/acked.jsonl" --received "$WORK/received.jsonl" --timeout 180 \
    || die "two nodes: events that never arrived"
log "PASS webhooks-two-nodes"
