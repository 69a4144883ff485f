#!/usr/bin/env bash
# The receiver is down for 30 s while 200 tickets are created: every event arrives after it is back (the
# retries; the app runs with HELPDESK_WEBHOOKS_RETRY_SCHEDULE=1s,2s,4s,8s,15s,30s,60s).
#   bench/failure/webhooks-receiver-down.sh
set -euo pipefail
DB=${DB:-helpdesk_fail_webhooks_down}
source "$(dirname "$0")/common.sh"
ensure_jar
RECEIVER_PORT=${RECEIVER_PORT:-18096}
DOWN_S=${DOWN_S:-30}
WH="python3 $FAIL_DIR/webhooks.py"
RECEIVER_PID=""
trap 'rc=$?; [[ -n "$RECEIVER_PID" ]] && kill "$RECEIVER_PID" 2>/dev/null; (exit $rc); failure_cleanup' EXIT

create_db "$DB"
start_app a "$DB" "$PORT_A" HELPDESK_RATE_LIMIT_PER_MINUTE=0 HELPDESK_WEBHOOKS_ALLOW_PRIVATE=true \
    HELPDESK_WEBHOOKS_RETRY_SCHEDULE=1s,2s,4s,8s,15s,30s,60s
wait_healthy "$PORT_A" 120 || die "the app did not start"
# the receiver is not running: the webhook is created against its (closed) port
$WH setup --base "http://127.0.0.1:$PORT_A" --receiver "http://127.0.0.1:$RECEIVER_PORT/hook" --out "$WORK/setup.json"
KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$WORK/setup.json")
t0=$(date +%s)
$WH burst --base "http://127.0.0.1:$PORT_A" --key "$KEY" --count 200 --threads 8 --out "$WORK/acked.jsonl" >"$WORK/burst.json"
log "burst while the receiver is down: $(cat "$WORK/burst.json")"
sleep $(( DOWN_S - ($(date +%s) - t0) > 0 ? DOWN_S - ($(date +%s) - t0) : 0 ))
log "receiver up after $(( $(date +%s) - t0 )) s"
$WH receiver --port "$RECEIVER_PORT" --out "$WORK/received.jsonl" & RECEIVER_PID=$!
$WH check --acked "$WORK/acked.jsonl" --received "$WORK/received.jsonl" --timeout 180 \
    || die "receiver down: events that never arrived"
log "PASS webhooks-receiver-down"
