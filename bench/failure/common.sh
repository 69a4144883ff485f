# Shared setup for the failure tests (sourced). Each test uses its own database and ports, and stops the
# processes it started (by pid) on exit.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
FAIL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HD="python3 $FAIL_DIR/hd.py"
SHORT=0
for arg in "$@"; do [[ $arg == --short ]] && SHORT=1; done
PORT_A=${PORT_A:-18081}
PORT_B=${PORT_B:-18082}
WORK=$(mktemp -d /tmp/helpdesk-failure.XXXXXX)
export BENCH_LOG_DIR=$WORK
APP_PID_a="" APP_PID_b="" LOAD_PID=""
KEEP_DB=${KEEP_DB:-0}

failure_cleanup() {
    local rc=$?
    [[ -n "$LOAD_PID" ]] && kill "$LOAD_PID" 2>/dev/null
    stop_pid "$APP_PID_a"; stop_pid "$APP_PID_b"
    ((KEEP_DB)) || drop_db "$DB"
    if ((rc != 0)) || ((${KEEP_LOGS:-0})); then
        log "logs kept in $WORK"; tail -n 20 "$WORK"/app-*.log 2>/dev/null | cut -c1-300 >&2
    else
        rm -rf "$WORK"
    fi
    exit $rc
}
trap failure_cleanup EXIT
trap 'exit 130' INT TERM

start_node() {   # start_node a|b PORT
    start_app "$1" "$DB" "$2" HELPDESK_RATE_LIMIT_PER_MINUTE=0 HELPDESK_DB_POOL_SIZE=10
    wait_healthy "$2" 120 || die "node $1 did not start (see $WORK/app-$1.log)"
}
