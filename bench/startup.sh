#!/usr/bin/env bash
# Start-to-ready time of the packaged app on the embedded database, each run from a fresh data directory:
# from launching bin/helpdesk to the first 200 of /readyz (polled every 50 ms).
#
#   bench/startup.sh [--runs N] [--port PORT] [--modes "jar unpacked aot"] [-- extra app arguments]
#
#   jar       the fat jar (bin/helpdesk with HELPDESK_AOT=off)
#   unpacked  the unpacked jar `bin/helpdesk train` makes, without the cache
#   aot       bin/helpdesk with the AOT cache (run `bin/helpdesk train` first; JDK 25+)
#   --reuse-data  start on an already migrated data directory (made once) instead of a fresh one: the
#                 difference is what creating the schema (Flyway) costs
# Prints one line per run (wall time and the JVM's CPU time to ready) and the min/median/max per mode. Loopback only; stops every app it started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS=5 PORT=18180 MODES="jar unpacked aot" EXTRA=() REUSE=0
while (($#)); do
    case $1 in
        --runs) RUNS=$2; shift ;;
        --port) PORT=$2; shift ;;
        --modes) MODES=$2; shift ;;
        --reuse-data) REUSE=1 ;;
        --) shift; EXTRA=("$@"); break ;;
        *) die "unknown option $1 (see the header of $0)" ;;
    esac
    shift
done

HELPDESK="$REPO_DIR/bin/helpdesk"
# HELPDESK_JAR: measure a copy that later builds do not replace (each build makes the AOT cache stale)
JAR_PATH=${HELPDESK_JAR:-$(ls "$REPO_DIR"/target/helpdesk-*.jar | grep -v '\.original$' | head -1)}
export HELPDESK_JAR=$JAR_PATH
[[ -f "$JAR_PATH" ]] || die "no jar: run mvn package"
WORK=$(mktemp -d)
PID=""
cleanup() { stop_pid "$PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

now_ms() { date +%s%3N; }

one_run() {   # one_run MODE -> prints "wall-ms cpu-ms" to ready
    local mode=$1 data="$WORK/data-$RANDOM" t0 t1 i cpu
    ((REUSE)) && data="$WORK/data-reused"
    local -a env=(HELPDESK_DATA_DIR="$data" PORT="$PORT" SERVER_ADDRESS=127.0.0.1 HELPDESK_MANAGEMENT_PORT=0)
    case $mode in
        jar) env+=(HELPDESK_AOT=off HELPDESK_JAR="$JAR_PATH") ;;
        unpacked) env+=(HELPDESK_AOT=off HELPDESK_JAR="$(dirname "$JAR_PATH")/aot/app/$(basename "$JAR_PATH")") ;;
        aot) ;;
    esac
    t0=$(now_ms)
    env -u HELPDESK_DB_URL -u SPRING_PROFILES_ACTIVE "${env[@]}" "$HELPDESK" "${EXTRA[@]}" >"$WORK/app.log" 2>&1 &
    PID=$!
    for ((i = 0; i < 1200; i++)); do
        if curl -fs -m 1 -o /dev/null "http://127.0.0.1:$PORT/readyz"; then break; fi
        kill -0 "$PID" 2>/dev/null || { cat "$WORK/app.log" >&2; die "app exited"; }
        sleep 0.05
    done
    t1=$(now_ms)
    # utime + stime of the JVM (bin/helpdesk execs java, so the pid is the JVM's), in clock ticks
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$PID/stat")
    stop_pid "$PID"; PID=""
    ((REUSE)) || rm -rf "$data"
    echo "$((t1 - t0)) $cpu"
}

summary() {   # summary MODE values...
    local mode=$1; shift
    printf '%s\n' "$@" | sort -n | awk -v m="$mode" '{a[NR] = $1} END {
        printf "%-14s runs %d  min %.2f s  median %.2f s  max %.2f s\n", m, NR, a[1] / 1000, a[int((NR + 1) / 2)] / 1000, a[NR] / 1000}'
}

for mode in $MODES; do
    if [[ $mode != jar && ! -f "$(dirname "$JAR_PATH")/aot/helpdesk.aot" ]]; then
        die "no AOT cache for mode $mode: run bin/helpdesk train first"
    fi
done
declare -A WALL CPU
((REUSE)) && { log "migrating the reused data directory once"; one_run "${MODES%% *}" >/dev/null; }
for ((r = 1; r <= RUNS; r++)); do
    for mode in $MODES; do   # interleaved, so a change in machine load hits every mode alike
        read -r ms cpu < <(one_run "$mode")
        log "run $r $mode: ${ms} ms to ready, ${cpu} ms CPU (load $(cut -d' ' -f1 /proc/loadavg))"
        WALL[$mode]+="$ms " CPU[$mode]+="$cpu "
    done
done
for mode in $MODES; do
    # shellcheck disable=SC2086
    summary "$mode wall" ${WALL[$mode]}
    # shellcheck disable=SC2086
    summary "$mode CPU" ${CPU[$mode]}
done
