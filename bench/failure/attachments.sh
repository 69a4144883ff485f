#!/usr/bin/env bash
# (e) kill -9 the app during 8 parallel uploads-with-tickets, restart it: no attachment row lacks its bytes (or
# has other bytes), every acknowledged file is on its ticket, and the sweep removes the stored files no row
# names (a crash between bytes and row; a planted one too).   bench/failure/attachments.sh [--short]
set -euo pipefail
DB=${DB:-helpdesk_fail_attachments}
source "$(dirname "$0")/common.sh"
ensure_jar
FILES="python3 $FAIL_DIR/files.py"
LOAD_S=$((SHORT ? 20 : 60)); KILL_AT=$((SHORT ? 6 : 20))
DIR_FILES="$WORK/files"
# a short grace and sweep interval, so the sweep runs within this test
NODE_ENV=(HELPDESK_ATTACHMENTS_DIR="$DIR_FILES" HELPDESK_ATTACHMENTS_ORPHAN_GRACE=5s HELPDESK_ATTACHMENTS_SWEEP_EVERY=2s)

create_db "$DB"
start_app a "$DB" "$PORT_A" HELPDESK_RATE_LIMIT_PER_MINUTE=0 HELPDESK_DB_POOL_SIZE=10 "${NODE_ENV[@]}"
wait_healthy "$PORT_A" 120 || die "node a did not start (see $WORK/app-a.log)"
$HD setup --base "http://127.0.0.1:$PORT_A" --out "$WORK/setup.json" >/dev/null
KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$WORK/setup.json")
ENTITY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['entityId'])" "$WORK/setup.json")

$FILES load --base "http://127.0.0.1:$PORT_A" --key "$KEY" --seconds "$LOAD_S" --threads 8 \
    --out "$WORK/acked.jsonl" >"$WORK/load.json" &
LOAD_PID=$!
sleep "$KILL_AT"
log "kill -9 app (pid $APP_PID_a) after $(wc -l <"$WORK/acked.jsonl") acknowledged tickets with files"
kill -9 "$APP_PID_a"; wait "$APP_PID_a" 2>/dev/null || true
# a stored file no row names, as a crash between the bytes and the row leaves it
planted="$DIR_FILES/blobs/$ENTITY/00/00$(printf '0%.0s' {1..62})"
mkdir -p "$(dirname "$planted")"; echo "crash leftover" >"$planted"; touch -d '1 hour ago' "$planted"
start_app a "$DB" "$PORT_A" HELPDESK_RATE_LIMIT_PER_MINUTE=0 HELPDESK_DB_POOL_SIZE=10 "${NODE_ENV[@]}"
wait_healthy "$PORT_A" 120 || die "node a did not restart (see $WORK/app-a.log)"
wait "$LOAD_PID" || true; LOAD_PID=""
log "load: $(cat "$WORK/load.json")"

$FILES verify --db "$DB" --dir "$DIR_FILES" --acked "$WORK/acked.jsonl" \
    || die "kill -9: an attachment row lacks its bytes, or an acknowledged file is missing"
# the sweep (every 2 s, grace 5 s) removes what no row names
for _ in $(seq 1 60); do
    [[ "$($FILES orphans --db "$DB" --dir "$DIR_FILES")" == 0 ]] && break
    sleep 1
done
orphans=$($FILES orphans --db "$DB" --dir "$DIR_FILES")
[[ "$orphans" == 0 ]] || die "the sweep left $orphans stored files that no row names"
[[ ! -e "$planted" ]] || die "the planted orphan is still there"
log "PASS attachments"
