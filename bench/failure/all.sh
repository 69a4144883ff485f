#!/usr/bin/env bash
# Runs every failure test; non-zero exit if any fails.   bench/failure/all.sh [--short]
# --short is the CI form (about 7 minutes, 5 of them failover.sh). Uses its own databases (helpdesk_fail_*) and ports 18081/18082;
# failover builds its own PostgreSQL formation (ports 55431-55433, app on 18090; needs root to install
# pg_auto_failover once and to run it as the postgres user).
# Set SKIP_PG_RESTART=1 on a machine whose PostgreSQL others are using.
set -uo pipefail
DIR=$(cd "$(dirname "$0")" && pwd)
source "$DIR/../lib.sh"
ensure_jar
export BENCH_SKIP_BUILD=1
failed=()
tests=(twonodes kill9 failover)
[[ "${SKIP_PG_RESTART:-0}" == 1 ]] || tests+=(pgrestart)
start=$(date +%s)
for t in "${tests[@]}"; do
    log "=== $t"
    if "$DIR/$t.sh" "$@"; then log "=== $t passed"; else log "=== $t FAILED"; failed+=("$t"); fi
done
log "failure tests done in $(( $(date +%s) - start )) s; failed: ${failed[*]:-none}"
((${#failed[@]} == 0))
