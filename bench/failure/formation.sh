# A pg_auto_failover formation on this machine (sourced by failover.sh and replica.sh, not run):
# a monitor and two data nodes (a primary and a synchronous secondary), each its own PostgreSQL 15 cluster
# under a temp dir, on ports FORMATION_PORT (monitor), +1 and +2 (nodes). pg_autoctl refuses to run as root,
# so everything runs as the postgres user. Every process started here is stopped by pid on formation_down,
# and formation_up refuses to start if one of its ports is already taken.
#
#   formation_up DBNAME    installs the Debian packages when missing, builds the formation, creates DBNAME
#   formation_primary_port / formation_standby_port    which node holds which role now (asks the monitor)
#   formation_kill_primary  kill -9 of the primary's postmaster (pg_autoctl keeps running and lets it rejoin)
#   formation_down          stops everything started here, removes the temp dir
FORMATION_PORT=${FORMATION_PORT:-55431}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
FORMATION_DIR="" FORMATION_PIDS=()

formation_install() {
    command -v pg_autoctl >/dev/null && [[ -f "$PGBIN/../lib/pgautofailover.so" || -f /usr/lib/postgresql/15/lib/pgautofailover.so ]] && return
    log "installing pg-auto-failover-cli and postgresql-15-auto-failover"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q pg-auto-failover-cli postgresql-15-auto-failover >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            pg-auto-failover-cli postgresql-15-auto-failover >/dev/null; } || die "cannot install pg_auto_failover"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

MONITOR_URI() { echo "postgres://autoctl_node@127.0.0.1:$FORMATION_PORT/pg_auto_failover?sslmode=disable"; }

# pg_autoctl_bg NAME ARGS...: runs a pg_autoctl service in the background in its own process group (its
# PostgreSQL and helpers included), remembers the group leader's pid
pg_autoctl_bg() {
    local name=$1; shift
    setsid setpriv --reuid=postgres --regid=postgres --init-groups -- env HOME="$FORMATION_DIR" \
        PATH="$PGBIN:$PATH" XDG_CONFIG_HOME="$FORMATION_DIR/xdg/config" XDG_DATA_HOME="$FORMATION_DIR/xdg/data" \
        XDG_RUNTIME_DIR="$FORMATION_DIR/xdg/run" pg_autoctl "$@" >"$FORMATION_DIR/$name.log" 2>&1 &
    FORMATION_PIDS+=($!)
}

wait_for() {   # wait_for SECONDS DESCRIPTION COMMAND...
    local limit=$1 what=$2 i; shift 2
    for ((i = 0; i < limit * 2; i++)); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
    die "timed out after ${limit} s waiting for $what (logs in $FORMATION_DIR)"
}

monitor_sql() { psql -X -qAt -h 127.0.0.1 -p "$FORMATION_PORT" -U postgres -d pg_auto_failover -c "$1"; }

formation_states() { monitor_sql "select nodeport, reportedstate, goalstate from pgautofailover.node order by nodeport"; }

two_nodes_ready() {
    [[ $(monitor_sql "select count(*) from pgautofailover.node where reportedstate = goalstate
        and reportedstate in ('primary', 'secondary')") == 2 ]]
}

formation_up() {   # formation_up DBNAME
    local db=$1 p
    formation_install
    for p in "$FORMATION_PORT" $((FORMATION_PORT + 1)) $((FORMATION_PORT + 2)); do
        port_free "$p" || die "port $p is in use: stop what runs there first"
    done
    FORMATION_DIR=$(mktemp -d /tmp/helpdesk-formation.XXXXXX)
    mkdir -p "$FORMATION_DIR/xdg/config" "$FORMATION_DIR/xdg/data" "$FORMATION_DIR/xdg/run"
    chmod 700 "$FORMATION_DIR/xdg/run"
    chown -R postgres:postgres "$FORMATION_DIR"
    local t0; t0=$(date +%s)
    pg_autoctl_bg monitor create monitor --pgdata "$FORMATION_DIR/monitor" --pgport "$FORMATION_PORT" \
        --hostname 127.0.0.1 --auth trust --no-ssl --run
    wait_for 180 "the monitor" monitor_sql "select 1"
    pg_autoctl_bg node1 create postgres --pgdata "$FORMATION_DIR/node1" --pgport $((FORMATION_PORT + 1)) \
        --listen 127.0.0.1 --hostname 127.0.0.1 --name node1 --dbname "$db" --auth trust --no-ssl \
        --monitor "$(MONITOR_URI)" --run
    wait_for 180 "node1 as single primary" bash -c "[[ \$(psql -X -qAt -h 127.0.0.1 -p $FORMATION_PORT -U postgres \
        -d pg_auto_failover -c \"select reportedstate from pgautofailover.node where nodename = 'node1'\") == single ]]"
    pg_autoctl_bg node2 create postgres --pgdata "$FORMATION_DIR/node2" --pgport $((FORMATION_PORT + 2)) \
        --listen 127.0.0.1 --hostname 127.0.0.1 --name node2 --dbname "$db" --auth trust --no-ssl \
        --monitor "$(MONITOR_URI)" --run
    wait_for 300 "primary + secondary" two_nodes_ready
    log "formation up in $(( $(date +%s) - t0 )) s: $(formation_states | tr '\n' ' ')"
    log "synchronous_standby_names on the primary: $(node_sql "$(formation_primary_port)" "show synchronous_standby_names")"
}

node_sql() { psql -X -qAt -h 127.0.0.1 -p "$1" -U postgres -d "${FORMATION_DB:-postgres}" -c "$2"; }

formation_primary_port() { monitor_sql "select nodeport from pgautofailover.node where reportedstate in ('primary', 'wait_primary', 'single') and goalstate = reportedstate limit 1"; }
formation_standby_port() { monitor_sql "select nodeport from pgautofailover.node where reportedstate = 'secondary' limit 1"; }
postmaster_pid() { head -1 "$FORMATION_DIR/node$(( $1 - FORMATION_PORT ))/postmaster.pid"; }
node_dir() { echo "$FORMATION_DIR/node$(( $1 - FORMATION_PORT ))"; }

formation_kill_primary() {   # prints the killed node's port
    local port pid; port=$(formation_primary_port)
    [[ -n "$port" ]] || die "no primary"
    pid=$(postmaster_pid "$port")
    log "kill -9 of the primary's postmaster (port $port, pid $pid)"
    kill -9 "$pid"
    echo "$port"
}

formation_down() {
    [[ -n "$FORMATION_DIR" ]] || return 0
    local pid f i
    # pg_autoctl stops its PostgreSQL on TERM (a fast shutdown); nodes first, the monitor last. Then KILL what
    # is left of each process group (pg_autoctl's helpers, a postmaster), and of any postmaster by its pid file.
    for ((i = ${#FORMATION_PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${FORMATION_PIDS[i]}"; done
    for pid in "${FORMATION_PIDS[@]}"; do kill -9 -- "-$pid" 2>/dev/null || true; done
    for f in "$FORMATION_DIR"/{node1,node2,monitor}/postmaster.pid; do
        [[ -f "$f" ]] || continue
        pid=$(head -1 "$f")
        [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && { kill -9 "$pid" 2>/dev/null || true; }
    done
    FORMATION_PIDS=()
    for p in "$FORMATION_PORT" $((FORMATION_PORT + 1)) $((FORMATION_PORT + 2)); do
        for ((i = 0; i < 20; i++)); do port_free "$p" && break; sleep 0.25; done
        port_free "$p" || log "warning: port $p still in use after cleanup"
    done
    if ((${KEEP_LOGS:-0})); then log "formation logs kept in $FORMATION_DIR"; else rm -rf "$FORMATION_DIR"; fi
    FORMATION_DIR=""
}
