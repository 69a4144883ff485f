#!/usr/bin/env bash
# Bulk macro over N tickets next to N single PATCHes (API §10), against a running app.
#   BASE=http://localhost:8080 KEY=ak_... N=100 bench/agent-speed.sh
# Creates N tickets, then times (1) one POST /api/helpdesk/macros/{id}/apply over all of them (one transaction
# per ticket, one HTTP round trip) and (2) N PATCH /api/helpdesk/tickets/{id} doing the same field change.
# Needs curl and jq. Not run at full scale on the shared development machine: figures there mean nothing.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
KEY=${KEY:?an API key with read:helpdesk and write:helpdesk}
N=${N:-100}
auth=(-H "Authorization: Bearer $KEY" -H 'Content-Type: application/json')

ids=()
for i in $(seq 1 "$N"); do
  ids+=("$(curl -sf "${auth[@]}" -d "{\"subject\":\"bench $i\"}" "$BASE/api/helpdesk/tickets" | jq -r .id)")
done
macro=$(curl -sf "${auth[@]}" -d '{"title":"bench pending","actions":{"status":"pending","addTags":["bench"]}}' \
  "$BASE/api/helpdesk/macros" | jq -r .id)
body=$(printf '%s\n' "${ids[@]}" | jq -R . | jq -s '{ticketIds: .}')

start=$(date +%s%N)
curl -sf "${auth[@]}" -d "$body" "$BASE/api/helpdesk/macros/$macro/apply" | jq -e 'all(.status == 200)' > /dev/null
bulk_ms=$(( ($(date +%s%N) - start) / 1000000 ))

start=$(date +%s%N)
for id in "${ids[@]}"; do
  curl -sf -X PATCH "${auth[@]}" -d '{"status":"open","tags":["bench","single"]}' "$BASE/api/helpdesk/tickets/$id" > /dev/null
done
single_ms=$(( ($(date +%s%N) - start) / 1000000 ))

echo "tickets: $N"
echo "bulk macro (1 request, $N transactions): ${bulk_ms} ms"
echo "single PATCHes ($N requests):           ${single_ms} ms"
curl -sf -X DELETE "${auth[@]}" "$BASE/api/helpdesk/macros/$macro" > /dev/null
