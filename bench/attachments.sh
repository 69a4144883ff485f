#!/usr/bin/env bash
# Attachments throughput and memory: the app in a 256 MiB heap takes N parallel 25 MiB uploads and downloads
# (streamed end to end, never a whole file in memory); prints MiB/s both ways and the process's peak RSS.
#   bench/attachments.sh [--files 40] [--parallel 8]        (needs PostgreSQL as for the other benchmarks)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
FILES=40 PARALLEL=8
while (($#)); do case $1 in --files) FILES=$2; shift 2;; --parallel) PARALLEL=$2; shift 2;; *) die "unknown $1";; esac; done
ensure_jar
DB=helpdesk_bench_attachments PORT=18181
WORK=$(mktemp -d /tmp/helpdesk-attachments.XXXXXX); export BENCH_LOG_DIR=$WORK
APP_PID_bench=""
trap 'stop_pid "$APP_PID_bench"; drop_db "$DB"; rm -rf "$WORK"' EXIT
create_db "$DB"
APP_JAVA_OPTS="-Xmx256m" start_app bench "$DB" "$PORT" HELPDESK_RATE_LIMIT_PER_MINUTE=0 HELPDESK_ATTACHMENTS_DIR="$WORK/files"
wait_healthy "$PORT" 120 || die "the app did not start (see $WORK/app-bench.log)"
KEY=$(python3 "$(dirname "$0")/failure/hd.py" setup --base "http://127.0.0.1:$PORT" --out "$WORK/setup.json" >/dev/null;
      python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$WORK/setup.json")
for i in $(seq 1 "$FILES"); do head -c $((25 * 1024 * 1024)) /dev/urandom >"$WORK/f$i.bin"; done

t0=$(date +%s.%N)
seq 1 "$FILES" | xargs -P "$PARALLEL" -I{} sh -c \
  "curl -fsS -o '$WORK/up{}.json' -H 'Authorization: Bearer $KEY' -F 'file=@$WORK/f{}.bin' http://127.0.0.1:$PORT/api/helpdesk/uploads"
t1=$(date +%s.%N)
seq 1 "$FILES" | xargs -P "$PARALLEL" -I{} sh -c \
  "id=\$(python3 -c \"import json; print(json.load(open('$WORK/up{}.json'))['id'])\");
   curl -fsS -o /dev/null -H 'Authorization: Bearer $KEY' http://127.0.0.1:$PORT/api/helpdesk/attachments/\$id"
t2=$(date +%s.%N)
mib=$((FILES * 25))
awk -v m="$mib" -v a="$t0" -v b="$t1" -v c="$t2" -v hwm="$(vmhwm_mb "$APP_PID_bench")" 'BEGIN {
  printf "uploads: %d MiB in %.1f s = %.0f MiB/s; downloads: %.0f MiB/s; peak RSS %s MB (heap -Xmx256m)\n",
         m, b - a, m / (b - a), m / (c - b), hwm }'
grep -q OutOfMemoryError "$WORK/app-bench.log" && die "the app ran out of memory"
log "done"
