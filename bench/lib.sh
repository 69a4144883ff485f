# Shared helpers for bench/run.sh and bench/failure/*.sh (sourced, not run).
# Everything targets loopback; every process started here is tracked by pid and stopped by pid.
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
JAR=${HELPDESK_JAR:-"$REPO_DIR/target/helpdesk-0.1.0-SNAPSHOT.jar"}   # HELPDESK_JAR: a copy, when builds run beside

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

# A JDK 21+ from /usr/lib/jvm (the default java may be older), newest first; JAVA overrides.
find_java() {
    if [[ -n "${JAVA:-}" ]]; then echo "$JAVA"; return; fi
    local best="" bestv=0 j v
    for j in /usr/lib/jvm/*/bin/java; do
        [[ -x "$j" ]] || continue
        v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
        v=${v%%.*}
        if [[ "$v" =~ ^[0-9]+$ ]] && (( v >= 21 && v > bestv )); then best=$j; bestv=$v; fi
    done
    [[ -n "$best" ]] || die "no JDK 21+ under /usr/lib/jvm"
    echo "$best"
}

ensure_jar() {
    if [[ "${BENCH_SKIP_BUILD:-0}" == 1 && -f "$JAR" ]]; then return; fi
    log "building $JAR"
    (cd "$REPO_DIR" && mvn -q -B -DskipTests package) || die "build failed"
}

psql_q() { psql -X -v ON_ERROR_STOP=1 -qAt "$@"; }

create_db() {   # create_db NAME: drops and re-creates a database this script owns
    psql_q -d postgres -c "drop database if exists \"$1\" with (force)" >/dev/null
    psql_q -d postgres -c "create database \"$1\"" >/dev/null
}
drop_db() { psql_q -d postgres -c "drop database if exists \"$1\" with (force)" >/dev/null 2>&1 || true; }

# start_app NAME DB PORT [extra env assignments...]: starts the jar in the background, sets APP_PID_<NAME>
start_app() {
    local name=$1 db=$2 port=$3; shift 3
    local java; java=$(find_java)
    local logf="${BENCH_LOG_DIR:-/tmp}/app-$name.log"
    env HELPDESK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" HELPDESK_DB_USER="$PGUSER" PORT="$port" \
        HELPDESK_MANAGEMENT_PORT="${MANAGEMENT_PORT:-0}" \
        SPRING_PROFILES_ACTIVE=postgres SERVER_ADDRESS=127.0.0.1 "$@" \
        "$java" ${APP_JAVA_OPTS:-} -jar "$JAR" >"$logf" 2>&1 &
    local pid=$!
    printf -v "APP_PID_$name" '%s' "$pid"
    log "app $name started: pid $pid, port $port, db $db, log $logf"
}

wait_healthy() {   # wait_healthy PORT SECONDS
    local port=$1 limit=${2:-90} i
    for ((i = 0; i < limit * 4; i++)); do
        if curl -fsS -m 2 "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then return 0; fi
        sleep 0.25
    done
    return 1
}

stop_pid() {   # stop_pid PID: TERM, then KILL after 15 s
    local pid=$1 i
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

vmhwm_mb() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null; }
vmrss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null; }
