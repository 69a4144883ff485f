#!/usr/bin/env bash
# (c) two app nodes on one database under a create load: ticket numbers stay unique, every acknowledged
# ticket exists, and a session made on node A is valid on node B.   bench/failure/twonodes.sh [--short]
set -euo pipefail
DB=${DB:-helpdesk_fail_two}
source "$(dirname "$0")/common.sh"
ensure_jar
LOAD_S=$((SHORT ? 15 : 60))

create_db "$DB"
start_node a "$PORT_A"   # one at a time: the first runs the migrations
start_node b "$PORT_B"
A=http://127.0.0.1:$PORT_A B=http://127.0.0.1:$PORT_B
$HD session --a "$A" --b "$B" || die "a session from node A is not valid on node B"
$HD session --a "$B" --b "$A" || die "a session from node B is not valid on node A"
$HD setup --base "$A" --out "$WORK/setup.json" >/dev/null
KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$WORK/setup.json")
ENTITY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['entityId'])" "$WORK/setup.json")
$HD load --base "$A,$B" --key "$KEY" --seconds "$LOAD_S" --max 200000 --threads 8 \
    --out "$WORK/acked.jsonl" >"$WORK/load.json"
log "load: $(cat "$WORK/load.json")"
errors=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['errors'])" "$WORK/load.json")
((errors == 0)) || die "$errors creates failed with both nodes up"
for n in "$A" "$B"; do
    c=$(grep -c "\"node\": \"$n\"" "$WORK/acked.jsonl" || true)
    ((c > 0)) || die "node $n acknowledged nothing"
done
$HD verify --db "$DB" --entity "$ENTITY" --acked "$WORK/acked.jsonl" || die "numbers duplicated or tickets missing"
log "PASS twonodes"
