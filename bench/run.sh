#!/usr/bin/env bash
# Reproducible benchmark: seeds PostgreSQL set-based, starts the packaged app, and measures each operation
# with wrk (through the app) and with pgbench (the same SQL straight to PostgreSQL) at 4 and 16 connections.
#
#   bench/run.sh [--scale S] [--duration SECONDS] [--db NAME] [--port PORT] [--reuse-db] [--no-limiter-run]
#
#   --scale S       1 = 1,000,000 tickets in one entity + 1,000,000 over 1,000 others, ~3 messages each (default 1)
#   --duration N    seconds per measurement (default 20)
#   --warmup N      seconds of JIT warm-up per operation before measuring (default 15; C2 needs it on 2 cores)
#   --db NAME       database to create (dropped first!) or reuse (default helpdesk_bench)
#   --reuse-db      keep an already seeded database of the same scale (skips the seeding)
#   --db-ready      the database exists and is empty, prepared by someone else (a Citus coordinator's, made by
#                   bench/citus/cluster.sh): seed it without dropping and re-creating it
# Environment: PGHOST/PGPORT/PGUSER (the server; default 127.0.0.1:5432, postgres), BENCH_CUSTOMERS (customers the
#   created tickets come from; default 1, see bench/wrk/ops.lua), extra HELPDESK_* settings for the app.
# Results: bench/results/<timestamp>/ (results.md, raw wrk and pgbench output, app log). Loopback only.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
# the JVM heap bound the RSS target assumes; override with APP_JAVA_OPTS="" for the JVM defaults (1/4 of RAM)
export APP_JAVA_OPTS=${APP_JAVA_OPTS--Xmx256m}

SCALE=1 DURATION=20 WARMUP=15 DB=helpdesk_bench PORT=18180 REUSE=0 LIMITER_RUN=1 CONNS="4 16" DB_READY=0
OPS="get list deep search patch message create page-list page-ticket"
while (($#)); do
    case $1 in
        --scale) SCALE=$2; shift ;;
        --duration) DURATION=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        --db) DB=$2; shift ;;
        --port) PORT=$2; shift ;;
        --reuse-db) REUSE=1 ;;
        --db-ready) DB_READY=1 ;;
        --no-limiter-run) LIMITER_RUN=0 ;;
        --ops) OPS=$2; shift ;;
        --conns) CONNS=$2; shift ;;
        *) die "unknown option $1 (see the header of $0)" ;;
    esac
    shift
done
(( DURATION >= 1 && DURATION <= 600 )) || die "--duration must be 1..600"

BIG=$(awk -v s="$SCALE" 'BEGIN {printf "%d", 1000000 * s}')
SPREAD=$BIG
NENT=$(awk -v s="$SCALE" 'BEGIN {n = int(1000 * s); if (n > 1000) n = 1000; if (n < 10) n = 10; print n}')
KEY=ak_benchBenchBench0123456789abcdefghijklmn
EID=00000000-0000-7000-a000-000000000000
OWNER=00000000-0000-7000-8000-000000000000
OUT="$BENCH_DIR/results/$(date +%Y%m%d-%H%M%S)"
DATA="$OUT/data"
mkdir -p "$DATA"
export BENCH_LOG_DIR="$OUT"
APP_PID_main=""

cleanup() { stop_pid "$APP_PID_main"; }
trap cleanup EXIT INT TERM

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null || die "could not install wrk"; }
command -v pgbench >/dev/null || die "pgbench (postgresql-client) is missing"
ensure_jar

seeded() {
    psql_q -d "$DB" -c "select big from bench_meta" 2>/dev/null | grep -qx "$BIG"
}

start_main() {   # start_main LIMIT_PER_MINUTE
    # no contact backfill: on a seeded database it would link millions of tickets' addresses while a later start
    # (the limiter run) is measured; every start sees the same unlinked seed (override with the variable)
    start_app main "$DB" "$PORT" HELPDESK_RATE_LIMIT_PER_MINUTE="$1" \
        HELPDESK_CONTACTS_BACKFILL="${HELPDESK_CONTACTS_BACKFILL:-false}"
    wait_healthy "$PORT" 180 || die "app did not become healthy; see $OUT/app-main.log"
}

if ((REUSE)) && seeded; then
    log "reusing seeded database $DB (big=$BIG)"
    start_main 0
else
    if ((DB_READY)); then log "seeding the prepared database $DB"; else log "creating database $DB"; create_db "$DB"; fi
    start_main 0   # Flyway creates the schema
    log "seeding: $BIG tickets in one entity, $SPREAD over $NENT entities, ~3 messages each"
    t0=$(date +%s)
    psql -X -q -d "$DB" -v big="$BIG" -v spread="$SPREAD" -v nent="$NENT" -v key="$KEY" -f "$BENCH_DIR/seed.sql" \
        >"$OUT/seed.log" 2>&1 || { tail -20 "$OUT/seed.log"; die "seeding failed"; }
    t1=$(date +%s)
    log "rows loaded in $((t1 - t0)) s; rebuilding indexes in two sessions"
    # the trigram index is the slowest (not built in parallel): one session for it, one for the btrees
    psql_q -d "$DB" -c "select indexdef from bench_dropped_indexes where indexdef like '%gin%'" |
        sed 's/$/;/' | (echo "set maintenance_work_mem='1GB';"; cat) | psql -X -q -v ON_ERROR_STOP=1 -d "$DB" &
    gin=$!
    psql_q -d "$DB" -c "select indexdef from bench_dropped_indexes where indexdef not like '%gin%'" |
        sed 's/$/;/' | (echo "set maintenance_work_mem='1GB';"; cat) | psql -X -q -v ON_ERROR_STOP=1 -d "$DB"
    wait $gin || die "index build failed"
    t2=$(date +%s)
    log "indexes built in $((t2 - t1)) s; vacuum analyze"
    psql -X -q -d "$DB" -c "vacuum (analyze) tickets" & vac=$!
    psql -X -q -d "$DB" -c "vacuum (analyze) messages"
    wait $vac
    psql -X -q -d "$DB" -c "vacuum analyze users, entities, memberships, api_keys"
    t3=$(date +%s)
    psql_q -d "$DB" -c "drop table bench_dropped_indexes; create table bench_meta(big bigint, seeded_s int);
                         insert into bench_meta values ($BIG, $((t3 - t0)))"
    log "seeded in $((t3 - t0)) s (load $((t1 - t0)) s, indexes $((t2 - t1)) s, vacuum $((t3 - t2)) s)"
    echo "seed_seconds $((t3 - t0)) load $((t1 - t0)) indexes $((t2 - t1)) vacuum $((t3 - t2))" >"$OUT/seed-time.txt"
fi
psql_q -d "$DB" -c "select pg_size_pretty(pg_database_size(current_database())),
    (select count(*) from tickets), (select count(*) from messages)" >"$OUT/db-size.txt"
log "database: $(cat "$OUT/db-size.txt")"

# data files for the wrk script, drawn from the seeded rows of the big entity
psql_q -d "$DB" -c "select id from tickets where entity_id = '$EID' and ticket_number <= $BIG
                    order by random() limit 20000" >"$DATA/ids.txt"
psql_q -d "$DB" -c "select id from tickets where entity_id = '$EID' and ticket_number % 1000 = 0
                    and ticket_number <= $BIG" >"$DATA/ids20.txt"
# a cursor is base64url("<filter fingerprint>|<epoch ms>|<id>"): take the fingerprint from a real first page
link=$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$PORT/api/helpdesk/tickets?limit=1" \
    -H "Authorization: Bearer $KEY" | tr -d '\r' | sed -n 's/^[Ll]ink: <.*cursor=\([^>&]*\).*/\1/p')
[[ -n "$link" ]] || die "no Link header on the first page"
pad=$(( (4 - ${#link} % 4) % 4 )); b64=$link$(printf '%*s' $pad '' | tr ' ' '=')
fp=$(printf '%s' "$b64" | tr '_-' '/+' | base64 -d | cut -d'|' -f1)
psql_q -d "$DB" -c "select translate(rtrim(replace(encode(convert_to('$fp|' || (extract(epoch from created_at) * 1000)::bigint
                    || '|' || id, 'UTF8'), 'base64'), E'\\n', ''), '='), '+/', '-_') from tickets
                    where entity_id = '$EID' and ticket_number between $((BIG / 10)) and $((BIG * 9 / 10))
                    order by random() limit 5000" >"$DATA/cursors.txt"
read -r MSMIN MSMAX < <(psql_q -F' ' -d "$DB" -c "select min(created_at_ms), max(created_at_ms) from (
    select (extract(epoch from created_at) * 1000)::bigint as created_at_ms from tickets
    where entity_id = '$EID' and ticket_number in ($((BIG / 10)), $((BIG * 9 / 10)))) x")
cp "$BENCH_DIR/terms.txt" "$DATA/terms.txt"
patterns=$(sed "s/.*/'%&%'/" "$BENCH_DIR/terms.txt" | paste -sd,)
sed -e "s/@PATTERNS@/$patterns/" -e "s/@NTERMS@/$(wc -l <"$BENCH_DIR/terms.txt")/" \
    "$BENCH_DIR/pgbench/search.sql.in" >"$DATA/search.sql"
KEYHASH=$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)
psql_q -d "$DB" -c "select ticket_number from tickets where entity_id = '$EID' and ticket_number % 1000 = 0
                    and ticket_number <= $BIG" >"$DATA/numbers20.txt"
# the agents' pages need a browser session: a user signed up through the API, made owner of the big entity
PAGE_EMAIL="bench-agent-$(date +%s)@bench.example"
curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PORT/api/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$PAGE_EMAIL\",\"password\":\"bench password 1\",\"name\":\"Bench Agent\",\"entityName\":\"Own\"}" \
    || die "signup of the page user failed"
psql_q -d "$DB" -c "insert into memberships(entity_id, user_id, role, created_at)
                    select '$EID', id, 'owner', now() from users where email = '$PAGE_EMAIL'" >/dev/null
SESSION=$(curl -fsS -D - -o /dev/null -X POST "http://127.0.0.1:$PORT/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$PAGE_EMAIL\",\"password\":\"bench password 1\"}" | tr -d '\r' |
    sed -n 's/^[Ss]et-[Cc]ookie: SESSION=\([^;]*\).*/\1/p' | head -1)
[[ -n "$SESSION" ]] || die "no session cookie for the page user"

pgscript() { if [[ $1 == search ]]; then echo "$DATA/search.sql"; else echo "$BENCH_DIR/pgbench/$1.sql"; fi; }

run_wrk() {   # run_wrk OP CONNS SECONDS -> RESULT line
    local threads=2; (($2 < 2)) && threads=1
    BENCH_OP=$1 BENCH_KEY=$KEY BENCH_DATA=$DATA BENCH_SESSION=${SESSION:-} BENCH_EID=$EID wrk -t$threads -c"$2" -d"$3"s --timeout 10s \
        -s "$BENCH_DIR/wrk/ops.lua" "http://127.0.0.1:$PORT" >"$OUT/wrk-$1-c$2${4:-}.txt" 2>&1 || true
    grep '^RESULT' "$OUT/wrk-$1-c$2${4:-}.txt" || echo "RESULT 0 0 0 -1 -1 0"
}

run_pgbench() {   # run_pgbench OP CONNS SECONDS -> RESULT line (same fields as wrk's)
    # pages render HTML around the same use cases: no raw-SQL twin (compare them with the API's list and get)
    if [[ $1 == page-* ]]; then echo "RESULT 0 0 0 -1 0 0"; return; fi
    local dir="$OUT/pgbench-$1-c$2"; mkdir -p "$dir"
    (cd "$dir" && pgbench -n -M prepared -c "$2" -j 2 -T "$3" -l --log-prefix=tx \
        -D eid="$EID" -D owner="$OWNER" -D keyhash="$KEYHASH" -D big="$BIG" -D msmin="$MSMIN" -D msmax="$MSMAX" \
        -f "$(pgscript "$1")" "$DB" >"$dir/out.txt" 2>&1) || true
    local tps fail
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$dir/out.txt" | head -1)
    fail=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$dir/out.txt"); fail=${fail:-0}
    cat "$dir"/tx.* 2>/dev/null | awk '{print $3}' | sort -n | awk -v tps="${tps:-0}" -v fail="$fail" '
        {a[NR] = $1} END {
            if (NR == 0) {print "RESULT 0 0 0 -1 " fail " 0"; exit}
            p50 = a[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p99 = a[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1]
            printf "RESULT %s %d %d 0 %d %d\n", tps, p50, p99, fail, NR}'
    rm -f "$dir"/tx.*
}

ms() { awk -v u="$1" 'BEGIN {printf "%.1f", u / 1000}'; }

log "warm-up (JIT): $WARMUP s per operation through the app"
for op in $OPS; do run_wrk "$op" 16 "$WARMUP" -warmup >/dev/null; done

RES="$OUT/results.tsv"
printf 'op\tconns\tapp_rps\tapp_p50_ms\tapp_p99_ms\tapp_errors\traw_tps\traw_p50_ms\traw_p99_ms\traw_errors\tratio\n' >"$RES"
for c in $CONNS; do
    for op in $OPS; do
        read -r _ arps ap50 ap99 aerr anon areq < <(run_wrk "$op" "$c" "$DURATION")
        read -r _ rtps rp50 rp99 _ rfail rn < <(run_pgbench "$op" "$c" "$DURATION")
        ratio=$(awk -v a="$arps" -v r="$rtps" 'BEGIN {if (r > 0) printf "%.2f", a / r; else print "-"}')
        printf '%s\t%s\t%.0f\t%s\t%s\t%s\t%.0f\t%s\t%s\t%s\t%s\n' "$op" "$c" "$arps" "$(ms "$ap50")" "$(ms "$ap99")" \
            "$((aerr + anon))" "$rtps" "$(ms "$rp50")" "$(ms "$rp99")" "$rfail" "$ratio" | tee -a "$RES" >&2
    done
done
HWM=$(vmhwm_mb "$APP_PID_main"); RSS=$(vmrss_mb "$APP_PID_main")
log "app peak RSS (VmHWM) $HWM MB, current RSS $RSS MB"

LIM=""
if ((LIMITER_RUN)); then
    log "restarting the app with the rate limiter on (limit high enough never to refuse: measures its cost)"
    stop_pid "$APP_PID_main"
    start_main 100000000
    # the same JIT warm-up as the run above (every operation), so the two runs differ only by the limiter: a
    # fresh JVM warmed on get and create alone measured get 40 % lower at 4 connections, limiter or not
    for op in $OPS; do run_wrk "$op" 16 "$WARMUP" -warmup-limiter >/dev/null; done
    for c in $CONNS; do
        for op in get create; do
            read -r _ arps ap50 ap99 aerr anon areq < <(run_wrk "$op" "$c" "$DURATION" -limiter)
            LIM+=$(printf '%s\t%s\t%.0f\t%s\t%s\t%s' "$op" "$c" "$arps" "$(ms "$ap50")" "$(ms "$ap99")" "$((aerr + anon))")$'\n'
        done
    done
    printf '%s' "$LIM" >"$OUT/limiter.tsv"
fi

{
    echo "# Benchmark $(date -u +%Y-%m-%dT%H:%MZ), scale $SCALE, ${DURATION}s per run"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d GB", $2/1048576}' /proc/meminfo), $(uname -r);"
    echo "PostgreSQL $(psql_q -d postgres -c 'show server_version'), shared_buffers $(psql_q -d postgres -c 'show shared_buffers');"
    echo "Java: $("$(find_java)" -version 2>&1 | head -1), options '${APP_JAVA_OPTS}'. Database (size|tickets|messages): $(cat "$OUT/db-size.txt")."
    echo "Load average at the end (other jobs share this machine): $(cut -d' ' -f1-3 /proc/loadavg)."
    [[ -f "$OUT/seed-time.txt" ]] && echo "Seeding: $(cat "$OUT/seed-time.txt") (seconds)."
    echo
    echo "| operation | conns | app req/s | app p50 ms | app p99 ms | app errors | raw PG tx/s | raw p50 ms | raw p99 ms | app/raw |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    tail -n +2 "$RES" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$11}'
    echo
    echo "App peak RSS (VmHWM) over the run above: $HWM MB (RSS at the end: $RSS MB)."
    if [[ -n "$LIM" ]]; then
        echo
        echo "Rate limiter on (bucket4j on PostgreSQL, limit never reached):"
        echo
        echo "| operation | conns | app req/s | p50 ms | p99 ms | errors |"
        echo "|---|---|---|---|---|---|"
        printf '%s' "$LIM" | awk -F'\t' 'NF {printf "| %s | %s | %s | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6}'
    fi
} >"$OUT/results.md"
cat "$OUT/results.md"
log "results in $OUT"
