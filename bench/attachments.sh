#!/usr/bin/env bash
# Attachments throughput and memory (issue 21): the app in a 256 MiB heap (-Xmx256m) on PostgreSQL with the disk
# store. For 1 MiB and 25 MiB files: N uploads and then N downloads through the API at PARALLEL connections
# (curl), beside curl reading the same stored files straight from the disk store (file://, the floor); the heap
# in use sampled every 100 ms during the 25 MiB uploads (jstat), and the process's peak RSS.
#   bench/attachments.sh [--files 40] [--parallel 4]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
FILES=40 PARALLEL=4
while (($#)); do case $1 in --files) FILES=$2; shift 2;; --parallel) PARALLEL=$2; shift 2;; *) die "unknown $1";; esac; done
ensure_jar
DB=helpdesk_bench_attachments PORT=18181
WORK=$(mktemp -d /tmp/helpdesk-attachments.XXXXXX); export BENCH_LOG_DIR=$WORK
APP_PID_bench="" SAMPLER=""
trap '[[ -n "$SAMPLER" ]] && kill "$SAMPLER" 2>/dev/null; stop_pid "$APP_PID_bench"; drop_db "$DB"; rm -rf "$WORK"' EXIT
create_db "$DB"
APP_JAVA_OPTS="-Xmx256m" start_app bench "$DB" "$PORT" HELPDESK_RATE_LIMIT_PER_MINUTE=0 HELPDESK_ATTACHMENTS_DIR="$WORK/files"
wait_healthy "$PORT" 120 || die "the app did not start (see $WORK/app-bench.log)"
python3 "$(dirname "$0")/failure/hd.py" setup --base "http://127.0.0.1:$PORT" --out "$WORK/setup.json" >/dev/null
KEY=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['key'])" "$WORK/setup.json")
JSTAT="$(dirname "$(find_java)")/jstat"
now() { date +%s.%N; }
rate() { awk -v m="$1" -v a="$2" -v b="$3" 'BEGIN {printf "%.0f", m / (b - a)}'; }

printf '%-6s %-6s %-16s %-18s %-20s\n' size files "upload MiB/s" "download MiB/s" "disk (curl file://) MiB/s"
for mib in 1 25; do
    rm -rf "$WORK/in" && mkdir -p "$WORK/in"
    for i in $(seq 1 "$FILES"); do head -c $((mib * 1024 * 1024)) /dev/urandom >"$WORK/in/f$i.bin"; done
    if ((mib == 25)); then   # heap in use (survivors + eden + old, KiB) while the big files stream in
        ( while :; do "$JSTAT" -gc "$APP_PID_bench" 2>/dev/null | awk 'NR == 2 {print $3 + $4 + $6 + $8}'; sleep 0.1; done ) \
            >"$WORK/heap.txt" & SAMPLER=$!
    fi
    t0=$(now)
    seq 1 "$FILES" | xargs -P "$PARALLEL" -I{} curl -fsS -o "$WORK/in/up{}.json" -H "Authorization: Bearer $KEY" \
        -F "file=@$WORK/in/f{}.bin" "http://127.0.0.1:$PORT/api/helpdesk/uploads"
    t1=$(now)
    if [[ -n "$SAMPLER" ]]; then kill "$SAMPLER"; SAMPLER=""; fi
    for i in $(seq 1 "$FILES"); do python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['id'])" "$WORK/in/up$i.json"; done >"$WORK/ids.txt"
    t2=$(now)
    xargs -P "$PARALLEL" -I{} curl -fsS -o /dev/null -H "Authorization: Bearer $KEY" \
        "http://127.0.0.1:$PORT/api/helpdesk/attachments/{}" <"$WORK/ids.txt"
    t3=$(now)
    find "$WORK/files/blobs" -type f -size "+$((mib * 1024 - 1))k" | head -n "$FILES" >"$WORK/blobs.txt"
    t4=$(now)
    xargs -P "$PARALLEL" -I{} curl -fsS -o /dev/null "file://{}" <"$WORK/blobs.txt"
    t5=$(now)
    total=$((FILES * mib))
    printf '%-6s %-6s %-16s %-18s %-20s\n' "${mib}MiB" "$FILES" "$(rate "$total" "$t0" "$t1")" "$(rate "$total" "$t2" "$t3")" \
        "$(rate "$(( $(wc -l <"$WORK/blobs.txt") * mib ))" "$t4" "$t5")"
done
heap=$(sort -n "$WORK/heap.txt" | tail -n 1)
log "heap in use during the 25 MiB uploads: at most $(( ${heap%.*} / 1024 )) MiB of -Xmx256m ($(wc -l <"$WORK/heap.txt") samples); peak RSS $(vmhwm_mb "$APP_PID_bench") MB; $PARALLEL connections; load $(cut -d' ' -f1-3 /proc/loadavg)"
grep -q OutOfMemoryError "$WORK/app-bench.log" && die "the app ran out of memory"
log "done"
