#!/usr/bin/env bash
# (b) restart PostgreSQL during a create load; the app must serve requests again within RECOVER_S seconds
# of PostgreSQL being back, without an app restart, and lose no acknowledged ticket.
#   bench/failure/pgrestart.sh [--short]      (restarts the local cluster: affects everyone using it)
set -euo pipefail
DB=${DB:-helpdesk_fail_pg}
source "$(dirname "$0")/common.sh"
ensure_jar
RECOVER_S=${RECOVER_S:-20}
LOAD_S=$((SHORT ? 30 : 60)); RESTART_AT=$((SHORT ? 5 : 15))

create_db "$DB"
start_node a "$PORT_A"
$HD setup --base "http://127.0.0.1:$PORT_A" --out "$WORK/setup.json" >/dev/null
KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$WORK/setup.json")
ENTITY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['entityId'])" "$WORK/setup.json")

t0=$(date +%s.%N)
$HD load --base "http://127.0.0.1:$PORT_A" --key "$KEY" --seconds "$LOAD_S" --max 200000 --threads 8 \
    --out "$WORK/acked.jsonl" >"$WORK/load.json" &
LOAD_PID=$!
sleep "$RESTART_AT"
log "restarting PostgreSQL"
pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main restart
back=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.3f", b - a}')
log "PostgreSQL back ${back} s into the load"
wait "$LOAD_PID" || true; LOAD_PID=""
kill -0 "$APP_PID_a" || die "the app died"
log "load: $(cat "$WORK/load.json")"
# first success after PostgreSQL came back, on the load client's clock (started a few ms after t0)
first=$(python3 -c "
import json, sys
l = [json.loads(x) for x in open(sys.argv[1])]
after = [x['t'] for x in l if x['t'] > float(sys.argv[2])]
print(min(after) if after else -1)" "$WORK/acked.jsonl" "$back")
[[ "$first" != -1 ]] || die "no request succeeded after PostgreSQL came back"
delay=$(awk -v f="$first" -v b="$back" 'BEGIN {d = f - b; if (d < 0) d = 0; printf "%.1f", d}')
log "first acknowledged create ${delay} s after PostgreSQL was back (limit ${RECOVER_S} s)"
awk -v d="$delay" -v l="$RECOVER_S" 'BEGIN {exit !(d <= l)}' || die "the app took ${delay} s to recover"
code=$(curl -s -o /dev/null -w '%{http_code}' -m 5 "http://127.0.0.1:$PORT_A/api/helpdesk/tickets?limit=1" \
    -H "Authorization: Bearer $KEY")
[[ $code == 200 ]] || die "GET after the load: $code"
$HD verify --db "$DB" --entity "$ENTITY" --acked "$WORK/acked.jsonl" --after "$back" \
    || die "acknowledged tickets missing or numbers duplicated"
log "PASS pgrestart"
