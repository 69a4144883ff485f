#!/usr/bin/env bash
# Webhook delivery throughput (issue 25): one app on PostgreSQL and a fast local receiver. For 1, 8 and 32
# parallel writers: N ticket creations with no subscription (the API's write rate, the baseline), then N with one
# ticket.created subscription; reports writes/s both ways, events/s delivered (first write to last arrival) and
# the delay from each 201 to its event's arrival (p50/p99).
#   bench/webhooks-throughput.sh [N]        (default 2000 per run)
set -euo pipefail
DB=${DB:-helpdesk_bench_webhooks}
source "$(dirname "$0")/failure/common.sh"
ensure_jar
N=${1:-2000}
WRITERS=${WRITERS:-"1 8 32"}
RECEIVER_PORT=${RECEIVER_PORT:-18098}
WH="python3 $FAIL_DIR/webhooks.py"
RECEIVER_PID=""
trap 'rc=$?; [[ -n "$RECEIVER_PID" ]] && kill "$RECEIVER_PID" 2>/dev/null; (exit $rc); failure_cleanup' EXIT

create_db "$DB"
start_app a "$DB" "$PORT_A" HELPDESK_RATE_LIMIT_PER_MINUTE=0 HELPDESK_WEBHOOKS_ALLOW_PRIVATE=true
wait_healthy "$PORT_A" 120 || die "the app did not start"
$WH receiver --port "$RECEIVER_PORT" --out "$WORK/received.jsonl" & RECEIVER_PID=$!
$WH setup --base "http://127.0.0.1:$PORT_A" --out "$WORK/plain.json"
$WH setup --base "http://127.0.0.1:$PORT_A" --receiver "http://127.0.0.1:$RECEIVER_PORT/hook" --out "$WORK/hooked.json"
key() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$1"; }
PLAIN=$(key "$WORK/plain.json") HOOKED=$(key "$WORK/hooked.json")
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN {printf "%.0f", n / (b - a)}'; }

# warm-up (JIT, pools), not reported
$WH burst --base "http://127.0.0.1:$PORT_A" --key "$PLAIN" --count 500 --threads 8 --out "$WORK/warm.jsonl" >/dev/null

printf '%-8s %-14s %-14s %-14s %-10s %-10s %s\n' writers "writes/s(no)" "writes/s(hook)" "events/s" "p50 ms" "p99 ms" "lost/dup"
for w in $WRITERS; do
    rm -f "$WORK/a0.jsonl" "$WORK/a1.jsonl"; : >"$WORK/received.jsonl"
    t0=$(date +%s.%N)
    $WH burst --base "http://127.0.0.1:$PORT_A" --key "$PLAIN" --count "$N" --threads "$w" --out "$WORK/a0.jsonl" >/dev/null
    t1=$(date +%s.%N)
    $WH burst --base "http://127.0.0.1:$PORT_A" --key "$HOOKED" --count "$N" --threads "$w" --out "$WORK/a1.jsonl" >/dev/null
    t2=$(date +%s.%N)
    $WH check --acked "$WORK/a1.jsonl" --received "$WORK/received.jsonl" --timeout 600 >"$WORK/check.json"
    read -r p50 p99 last lost dup < <(python3 -c "import json,sys; c=json.load(open(sys.argv[1]));
print(c.get('delayMsP50'), c.get('delayMsP99'), c.get('lastArrival'), c['lost'], c['duplicates'])" "$WORK/check.json")
    printf '%-8s %-14s %-14s %-14s %-10s %-10s %s\n' "$w" "$(rate "$N" "$t0" "$t1")" "$(rate "$N" "$t1" "$t2")" \
        "$(rate "$N" "$t1" "$last")" "$p50" "$p99" "$lost/$dup"
done
log "N=$N per run; PostgreSQL $(psql_q -d postgres -c 'show server_version'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
