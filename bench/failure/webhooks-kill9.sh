#!/usr/bin/env bash
# kill -9 of the app in a burst of 200 ticket creations from 8 writers, then a restart: every acknowledged
# (201) ticket's ticket.created event reaches the receiver (0 lost); duplicates are counted (at least once).
#   bench/failure/webhooks-kill9.sh
set -euo pipefail
DB=${DB:-helpdesk_fail_webhooks_kill9}
source "$(dirname "$0")/common.sh"
ensure_jar
RECEIVER_PORT=${RECEIVER_PORT:-18095}
WH="python3 $FAIL_DIR/webhooks.py"
HOOK_ENV=(HELPDESK_WEBHOOKS_ALLOW_PRIVATE=true HELPDESK_WEBHOOKS_RETRY_SCHEDULE=1s,2s,4s,8s,15s,30s,60s)
RECEIVER_PID=""
trap 'rc=$?; [[ -n "$RECEIVER_PID" ]] && kill "$RECEIVER_PID" 2>/dev/null; (exit $rc); failure_cleanup' EXIT

create_db "$DB"
start_app a "$DB" "$PORT_A" HELPDESK_RATE_LIMIT_PER_MINUTE=0 "${HOOK_ENV[@]}"
wait_healthy "$PORT_A" 120 || die "the app did not start"
$WH receiver --port "$RECEIVER_PORT" --out "$WORK/received.jsonl" & RECEIVER_PID=$!
$WH setup --base "http://127.0.0.1:$PORT_A" --receiver "http://127.0.0.1:$RECEIVER_PORT/hook" --out "$WORK/setup.json"
KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$WORK/setup.json")

$WH burst --base "http://127.0.0.1:$PORT_A" --key "$KEY" --count 200 --threads 8 --out "$WORK/acked.jsonl" \
    >"$WORK/burst.json" & LOAD_PID=$!
for ((i = 0; i < 100; i++)); do [[ -f "$WORK/acked.jsonl" ]] && (($(wc -l <"$WORK/acked.jsonl") >= 40)) && break; sleep 0.1; done
log "kill -9 app (pid $APP_PID_a) after $(wc -l <"$WORK/acked.jsonl") acknowledged creations"
kill -9 "$APP_PID_a"; wait "$APP_PID_a" 2>/dev/null || true
wait "$LOAD_PID" || true; LOAD_PID=""
log "burst: $(cat "$WORK/burst.json")"
start_app a "$DB" "$PORT_A" HELPDESK_RATE_LIMIT_PER_MINUTE=0 "${HOOK_ENV[@]}"
wait_healthy "$PORT_A" 120 || die "the app did not restart"
$WH check --acked "$WORK/acked.jsonl" --received "$WORK/received.jsonl" --timeout 120 \
    || die "kill -9: acknowledged changes whose event never arrived"
log "PASS webhooks-kill9"
