#!/usr/bin/env bash
# The API's create, get, list and search through the app on the Citus test cluster (a coordinator and two workers,
# bench/citus/cluster.sh) next to the plain PostgreSQL server on 127.0.0.1:5432, with the same data: bench/run.sh
# at scale 0.1 (200,000 tickets: 100,000 in the measured entity and 100,000 over 100 others, ~3 messages each),
# the same jar, the limiter off, 4 and 16 connections. pgbench runs the same SQL straight to each server beside it.
#   bench/citus/throughput.sh SRC_DIR [--duration N] [--rounds N]
# The cluster runs with fsync and synchronous_commit on and at normal priority for the measurement, like the plain
# server (cluster.sh starts it with both off and niced, for the test suite), and is stopped at the end.
# Results: bench/results/citus-<timestamp>/summary.tsv (one row per target, operation and connections; the median
# of the rounds) and each run's own results folder.
set -euo pipefail
SRC=${1:?usage: throughput.sh CITUS_SOURCE_DIR [--duration N] [--rounds N]}; shift
cd "$(dirname "$0")/../.."
HERE=bench/citus
DURATION=20 ROUNDS=3
while (($#)); do
    case $1 in
        --duration) DURATION=$2; shift ;;
        --rounds) ROUNDS=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
PORT=${CITUS_PORT:-9700}
DB=helpdesk_tp
# a cluster of its own, made afresh (the suite's is /tmp/helpdesk-citus)
export CITUS_DIR=${CITUS_TP_DIR:-/tmp/helpdesk-citus-tp}
OPS="create get list search"
OUT=bench/results/citus-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
export BENCH_SKIP_BUILD=${BENCH_SKIP_BUILD:-0}

if [ ! -f "$(/usr/lib/postgresql/15/bin/pg_config --pkglibdir)/citus.so" ]; then
  "$HERE/build.sh" "$SRC"
fi
"$HERE/cluster.sh" stop --clean >/dev/null 2>&1 || true
trap 'CITUS_DB=$DB "$HERE/cluster.sh" stop --clean' EXIT
CITUS_DB=$DB "$HERE/cluster.sh" start >"$OUT/cluster.txt"

as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
for p in "$PORT" $((PORT + 1)) $((PORT + 2)); do
  as_pg psql -X -q -h 127.0.0.1 -p "$p" -U postgres -d postgres \
    -c "alter system set fsync = on" -c "alter system set synchronous_commit = on" -c "select pg_reload_conf()" >/dev/null
done
# normal priority for every process of the cluster (cluster.sh starts it niced; new backends inherit the postmaster's)
for n in coordinator worker1 worker2; do
  pid=$(head -1 "$CITUS_DIR/$n/postmaster.pid")
  renice -n 0 -p "$pid" $(pgrep -P "$pid") >/dev/null
done

run() {   # run TARGET ROUND [run.sh args...]
  local target=$1 round=$2; shift 2
  local log="$OUT/$target-r$round.log"
  echo "[$(date +%T)] $target round $round (load $(cut -d' ' -f1 /proc/loadavg))"
  if [ "$target" = citus ]; then
    PGPORT=$PORT HELPDESK_CITUS_DISTRIBUTE=true bench/run.sh --scale 0.1 --db $DB --ops "$OPS" \
      --duration "$DURATION" --no-limiter-run "$@" >"$log" 2>&1 || echo "  run failed: $log"
  else
    bench/run.sh --scale 0.1 --db $DB --ops "$OPS" --duration "$DURATION" --no-limiter-run "$@" >"$log" 2>&1 || echo "  run failed: $log"
  fi
  # the rows run.sh printed: op conns app_rps app_p50 app_p99 errors raw_tps raw_p50 raw_p99 raw_errors ratio
  if ((round > 0)); then
    grep -P '^(create|get|list|search)\t' "$log" | sed "s/^/$target\t$round\t/" >>"$OUT/rows.tsv" || true
  fi
  export BENCH_SKIP_BUILD=1
}

workers_role() {   # workers_role replica|origin: the session_replication_role of new sessions on the workers
  for p in $((PORT + 1)) $((PORT + 2)); do
    as_pg psql -X -q -h 127.0.0.1 -p "$p" -U postgres -d postgres \
      -c "alter system set session_replication_role = $1" -c "select pg_reload_conf()" >/dev/null
  done
}
# round 0 seeds each database and measures nothing (a 1 s list). The seed sets session_replication_role = replica
# (no triggers while bulk loading); on Citus that holds on the coordinator only, and the COPY into the shards would
# fire every message's conversation-words trigger on the workers (one worker backend grew to 15 GB and was killed),
# so the workers load in replica mode too, as the plain server does, and go back to normal before measuring.
seed_only=(--ops list --conns 4 --duration 1 --warmup 1)
run plain 0 --reuse-db "${seed_only[@]}"
workers_role replica
run citus 0 --db-ready "${seed_only[@]}"
workers_role origin
for ((r = 1; r <= ROUNDS; r++)); do
  run plain "$r" --reuse-db
  run citus "$r" --reuse-db
done

# the median of the rounds, column by column, per target, operation and connections
python3 - "$OUT/rows.tsv" >"$OUT/summary.tsv" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split("\t")
    # target round op conns app_rps app_p50 app_p99 app_errors raw_tps raw_p50 raw_p99 raw_errors ratio
    rows.setdefault((f[0], f[2], int(f[3])), []).append(f)
print("target\top\tconns\trounds\tapp_rps\tapp_p50_ms\tapp_p99_ms\tapp_errors\traw_tps\traw_p50_ms\traw_p99_ms")
for (target, op, conns), fs in sorted(rows.items()):
    med = lambda i: statistics.median(float(f[i]) for f in fs)
    print(f"{target}\t{op}\t{conns}\t{len(fs)}\t{med(4):.0f}\t{med(5):.1f}\t{med(6):.1f}\t"
          f"{sum(int(f[7]) for f in fs)}\t{med(8):.0f}\t{med(9):.1f}\t{med(10):.1f}")
PY
psql -X -qAt -h 127.0.0.1 -p "$PORT" -U postgres -d $DB \
  -c "select 'shards placed: ' || string_agg(nodeport || '=' || c, ', ') from (select nodeport, count(*) c
      from pg_dist_shard_placement group by nodeport order by nodeport) x" >>"$OUT/cluster.txt" 2>&1 || true
column -t -s$'\t' "$OUT/summary.tsv"
echo "results: $OUT"
