#!/usr/bin/env bash
# A Citus test cluster on one machine: a coordinator and two workers, each its own PostgreSQL 15 cluster in a
# temp folder, on loopback ports, run as `postgres` (initdb refuses root), trust auth on loopback.
#   bench/citus/cluster.sh start|stop|status
# Environment: CITUS_DIR (default /tmp/helpdesk-citus), CITUS_PORT (coordinator, default 9700; workers +1, +2),
# CITUS_DB (default helpdesk), CITUS_SHARD_COUNT (shards per distributed table, default 8: the suite re-creates
# the schema, and 32 shards x 30 tables is mostly DDL time on a small machine).
# Then: HELPDESK_DB_URL=jdbc:postgresql://127.0.0.1:9700/helpdesk HELPDESK_DB_USER=postgres HELPDESK_CITUS_DISTRIBUTE=true
set -euo pipefail
DIR=${CITUS_DIR:-/tmp/helpdesk-citus}
PORT=${CITUS_PORT:-9700}
DB=${CITUS_DB:-helpdesk}
SHARDS=${CITUS_SHARD_COUNT:-8}
BIN=/usr/lib/postgresql/15/bin
NODES=(coordinator worker1 worker2)

as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
port_of() { case $1 in coordinator) echo "$PORT";; worker1) echo $((PORT + 1));; worker2) echo $((PORT + 2));; esac; }
psql_on() { local port=$1; shift; as_pg psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }
pid_of() { local f=$DIR/$1/postmaster.pid; [ -f "$f" ] && head -1 "$f" || true; }
running() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

start() {
  [ -x "$BIN/initdb" ] || { echo "PostgreSQL 15 server binaries missing ($BIN)" >&2; exit 1; }
  [ -f "$(/usr/lib/postgresql/15/bin/pg_config --pkglibdir)/citus.so" ] || { echo "Citus not installed: bench/citus/build.sh SRC" >&2; exit 1; }
  mkdir -p "$DIR"; chown postgres: "$DIR" 2>/dev/null || true
  local fresh=()
  for n in "${NODES[@]}"; do
    local port; port=$(port_of "$n")
    if [ ! -f "$DIR/$n/PG_VERSION" ]; then
      as_pg nice -n 19 "$BIN/initdb" -D "$DIR/$n" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      cat >> "$DIR/$n/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$DIR'
shared_preload_libraries = 'citus'
max_connections = 300
shared_buffers = 128MB
wal_level = logical          # citus_move_shard_placement copies shards by logical replication
max_wal_senders = 10
max_replication_slots = 10
# Debian's PostgreSQL 15.20 allows only listed output plugins; tenant isolation (a shard split) decodes with citus'
output_plugin_libraries = 'pgoutput, test_decoding, citus'
fsync = off                  # a throw-away test cluster
synchronous_commit = off
citus.shard_count = $SHARDS
log_min_messages = warning
CONF
      fresh+=("$n")
    fi
    if ! running "$n"; then
      # nice: backends inherit it (the machine is shared with benchmarks)
      as_pg nice -n 19 "$BIN/pg_ctl" -D "$DIR/$n" -l "$DIR/$n.log" -w -t 60 start >/dev/null
    fi
  done
  for n in "${NODES[@]}"; do
    local port; port=$(port_of "$n")
    if [ -z "$(psql_on "$port" -d postgres -tAc "select 1 from pg_database where datname = '$DB'")" ]; then
      psql_on "$port" -d postgres -c "create database $DB"
    fi
    # the extensions the migrations create (db/migration/postgresql) must exist on every node; only the missing
    # ones are created (a worker with Citus metadata refuses CREATE EXTENSION, even IF NOT EXISTS)
    for ext in citus unaccent pg_trgm; do
      if [ -z "$(psql_on "$port" -d "$DB" -tAc "select 1 from pg_extension where extname = '$ext'")" ]; then
        psql_on "$port" -d "$DB" -c "create extension $ext"
      fi
    done
  done
  psql_on "$PORT" -d "$DB" >/dev/null <<SQL
select citus_set_coordinator_host('127.0.0.1', $PORT);
select citus_add_node('127.0.0.1', $((PORT + 1))) where not exists (select 1 from pg_dist_node where nodeport = $((PORT + 1)));
select citus_add_node('127.0.0.1', $((PORT + 2))) where not exists (select 1 from pg_dist_node where nodeport = $((PORT + 2)));
SQL
  status
}

stop() {
  for n in "${NODES[@]}"; do
    local pid; pid=$(pid_of "$n")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -INT "$pid"   # fast shutdown of this postmaster only
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      echo "$n stopped (pid $pid)"
    fi
  done
  if [ "${1:-}" = --clean ]; then rm -rf "$DIR"; echo "removed $DIR"; fi
}

status() {
  for n in "${NODES[@]}"; do
    if running "$n"; then echo "$n: running, port $(port_of "$n"), pid $(pid_of "$n")"; else echo "$n: stopped"; fi
  done
  if running coordinator; then
    psql_on "$PORT" -d "$DB" -c 'select nodeid, nodename, nodeport, groupid, isactive from pg_dist_node order by nodeid' 2>/dev/null || true
  fi
}

case ${1:-} in
  start) start ;;
  stop) stop "${2:-}" ;;
  status) status ;;
  *) echo "usage: $0 start|stop [--clean]|status" >&2; exit 2 ;;
esac
