#!/usr/bin/env bash
# Start-to-ready time of the packaged app on the embedded database, each run from a fresh data directory:
# from launching bin/helpdesk to the first 200 of /actuator/health/readiness (polled every 50 ms).
#
#   bench/startup.sh [--runs N] [--port PORT] [--modes "jar unpacked aot"] [-- extra app arguments]
#
#   jar       the fat jar (bin/helpdesk with HELPDESK_AOT=off)
#   unpacked  the unpacked jar `bin/helpdesk train` makes, without the cache
#   aot       bin/helpdesk with the AOT cache (run `bin/helpdesk train` first; JDK 25+)
# Prints one line per run and the min/median/max per mode. Loopback only; stops every app it started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=5 PORT=18180 MODES="jar unpacked aot" EXTRA=()
while (($#)); do
    case $1 in
        --runs) RUNS=$2; shift ;;
        --port) PORT=$2; shift ;;
        --modes) MODES=$2; shift ;;
        --) shift; EXTRA=("$@"); break ;;
        *) die "unknown option $1 (see the header of $0)" ;;
    esac
    shift
done

HELPDESK="$REPO_DIR/bin/helpdesk"
JAR_PATH=$(ls "$REPO_DIR"/target/helpdesk-*.jar | grep -v '\.original$' | head -1)
[[ -f "$JAR_PATH" ]] || die "no jar: run mvn package"
WORK=$(mktemp -d)
PID=""
cleanup() { stop_pid "$PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

now_ms() { date +%s%3N; }

one_run() {   # one_run MODE -> prints milliseconds to ready
    local mode=$1 data="$WORK/data-$RANDOM" t0 t1 i
    local -a env=(HELPDESK_DATA_DIR="$data" PORT="$PORT" SERVER_ADDRESS=127.0.0.1)
    case $mode in
        jar) env+=(HELPDESK_AOT=off) ;;
        unpacked) env+=(HELPDESK_AOT=off HELPDESK_JAR="$(dirname "$JAR_PATH")/aot/app/$(basename "$JAR_PATH")") ;;
        aot) ;;
    esac
    t0=$(now_ms)
    env -u HELPDESK_DB_URL -u SPRING_PROFILES_ACTIVE "${env[@]}" "$HELPDESK" "${EXTRA[@]}" >"$WORK/app.log" 2>&1 &
    PID=$!
    for ((i = 0; i < 1200; i++)); do
        if curl -fs -m 1 -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; then break; fi
        kill -0 "$PID" 2>/dev/null || { cat "$WORK/app.log" >&2; die "app exited"; }
        sleep 0.05
    done
    t1=$(now_ms)
    stop_pid "$PID"; PID=""
    rm -rf "$data"
    echo $((t1 - t0))
}

summary() {   # summary MODE values...
    local mode=$1; shift
    printf '%s\n' "$@" | sort -n | awk -v m="$mode" '{a[NR] = $1} END {
        printf "%-9s runs %d  min %.2f s  median %.2f s  max %.2f s\n", m, NR, a[1] / 1000, a[int((NR + 1) / 2)] / 1000, a[NR] / 1000}'
}

for mode in $MODES; do
    if [[ $mode != jar && ! -f "$(dirname "$JAR_PATH")/aot/helpdesk.aot" ]]; then
        die "no AOT cache for mode $mode: run bin/helpdesk train first"
    fi
done
declare -A RESULTS
for ((r = 1; r <= RUNS; r++)); do
    for mode in $MODES; do   # interleaved, so a change in machine load hits every mode alike
        ms=$(one_run "$mode")
        log "run $r $mode: ${ms} ms (load $(cut -d' ' -f1 /proc/loadavg))"
        RESULTS[$mode]+="$ms "
    done
done
for mode in $MODES; do
    # shellcheck disable=SC2086
    summary "$mode" ${RESULTS[$mode]}
done
