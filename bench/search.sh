#!/usr/bin/env bash
# Search benchmark (API §7, docs/search.md): 1,000,000 tickets with ~5,000,000 messages in one entity; p50/p99
# of GET /api/helpdesk/search through the app (wrk) and of the same search statement straight to PostgreSQL
# (pgbench), at 4 and 16 connections, for: one rare word, two common words, a phrase, a filter-only query, a
# word + two filters, and a deep page (the 50th page of a common word).
#
#   bench/search.sh [--scale S] [--duration SECONDS] [--db NAME] [--port PORT] [--reuse-db] [--seed-only]
# (--seed-only loads and indexes the data and stops; a later --reuse-db run measures on a quiet machine;
#  --queries "rare-word filter-only" measures only those)
#
# It seeds with bench/seed.sql (the big entity only) + bench/search-seed.sql, so the data is the main benchmark's
# plus two messages per ticket. Figures go to bench/results/ (docs/search.md).
# Loopback only; every process it starts is stopped by pid.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export APP_JAVA_OPTS=${APP_JAVA_OPTS--Xmx512m}

SCALE=1 DURATION=20 WARMUP=15 DB=helpdesk_bench_search PORT=18190 REUSE=0 CONNS="4 16" SEED_ONLY=0 NAMES="rare-word two-common-words phrase filter-only word-two-filters deep-page"
while (($#)); do
    case $1 in
        --scale) SCALE=$2; shift ;;
        --duration) DURATION=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        --db) DB=$2; shift ;;
        --port) PORT=$2; shift ;;
        --reuse-db) REUSE=1 ;;
        --seed-only) SEED_ONLY=1 ;;
        --queries) NAMES=$2; shift ;;
        --conns) CONNS=$2; shift ;;
        *) die "unknown option $1 (see the header of $0)" ;;
    esac
    shift
done
command -v wrk >/dev/null || die "wrk is missing (apt-get install wrk)"
command -v pgbench >/dev/null || die "pgbench (postgresql-client) is missing"

BIG=$(awk -v s="$SCALE" 'BEGIN {printf "%d", 1000000 * s}')
KEY=ak_benchBenchBench0123456789abcdefghijklmn
EID=00000000-0000-7000-a000-000000000000
OUT="$BENCH_DIR/results/search-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
export BENCH_LOG_DIR="$OUT"
APP_PID_main=""
cleanup() { stop_pid "$APP_PID_main"; }
trap cleanup EXIT INT TERM

ensure_jar
seeded() { psql_q -d "$DB" -c "select big from bench_meta" 2>/dev/null | grep -qx "$BIG"; }
if ((REUSE)) && seeded; then
    log "reusing $DB"
    start_app main "$DB" "$PORT" HELPDESK_RATE_LIMIT_PER_MINUTE=0
    wait_healthy "$PORT" 180 || die "app did not start; see $OUT/app-main.log"
else
    create_db "$DB"
    start_app main "$DB" "$PORT" HELPDESK_RATE_LIMIT_PER_MINUTE=0   # Flyway creates the schema
    wait_healthy "$PORT" 180 || die "app did not start; see $OUT/app-main.log"
    t0=$(date +%s)
    psql -X -q -d "$DB" -v big="$BIG" -v spread=0 -v nent=10 -v key="$KEY" -f "$BENCH_DIR/seed.sql" >"$OUT/seed.log" 2>&1 \
        || { tail -20 "$OUT/seed.log"; die "seeding failed"; }
    psql -X -q -d "$DB" -f "$BENCH_DIR/search-seed.sql" >>"$OUT/seed.log" 2>&1 || { tail -20 "$OUT/seed.log"; die "seeding failed"; }
    # the seeds insert with triggers off (session_replication_role = replica): the tickets' conversation words
    # (migration V117) are filled here, as that migration fills them for existing data
    psql -X -q -v ON_ERROR_STOP=1 -d "$DB" >>"$OUT/seed.log" 2>&1 <<'SQL' || die "conversation words failed"
\timing on
update tickets t set conversation_words = w.words
from (select entity_id, ticket_id, helpdesk_words_agg(search_tsv) as words from messages group by entity_id, ticket_id) w
where t.entity_id = w.entity_id and t.id = w.ticket_id;
SQL
    log "rows loaded in $(( $(date +%s) - t0 )) s; rebuilding indexes (the GIN ones are the slow part)"
    psql_q -d "$DB" -c "select indexdef from bench_dropped_indexes" | sed 's/$/;/' |
        (echo "set maintenance_work_mem='1GB';"; cat) | psql -X -q -v ON_ERROR_STOP=1 -d "$DB"
    psql -X -q -d "$DB" -c "vacuum (analyze) tickets" -c "vacuum (analyze) messages" \
        -c "vacuum analyze users, entities, memberships, api_keys"
    psql_q -d "$DB" -c "drop table bench_dropped_indexes; create table bench_meta(big bigint, seeded_s int);
                        insert into bench_meta values ($BIG, $(( $(date +%s) - t0 )))"
fi
psql_q -d "$DB" -c "select pg_size_pretty(pg_database_size(current_database())), (select count(*) from tickets),
    (select count(*) from messages)" >"$OUT/db-size.txt"
log "database: $(cat "$OUT/db-size.txt")"
((SEED_ONLY)) && { log "seeded; measure with --reuse-db"; exit 0; }

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
declare -A QUERIES=(
    [rare-word]="quokka"
    [two-common-words]="printer invoice"
    [phrase]='"printer not working"'
    [filter-only]="status:open priority:high"
    [word-two-filters]="password status:open updated:>30d"
)
# the deep page: follow the Link header 49 times from the first page of a common word
deep="/api/helpdesk/search?q=$(enc printer)&limit=20"
[[ " $NAMES " == *" deep-page "* ]] && for _ in $(seq 1 49); do
    link=$(curl -fsS -D - -o /dev/null -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT$deep" | tr -d '\r' |
           awk -F'[<>]' 'tolower($1) ~ /^link: / {print $2}')
    [[ -n "$link" ]] || die "no 50th page for 'printer'"
    deep=${link#http://127.0.0.1:$PORT}
done

# The raw-PostgreSQL figure: the statement SearchIndex builds for each query, written out with literals (the deep
# page has none: its cursor condition depends on the page before).
pg_script() {   # pg_script NAME -> a pgbench file with the search statement of that query
    local f="$OUT/pg-$1.sql" cols="t.id, t.entity_id, t.ticket_number, t.subject, t.description, t.status, t.priority, t.channel, t.contact_email, t.contact_name, t.category_id, t.created_by, t.assigned_to, t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at"
    local e="'$EID'" where score
    word() {   # word W -> the condition of a word on the ticket row
        echo "(t.search_tsv @@ to_tsquery('simple', '''$1'':*')) or (t.conversation_words @@ to_tsquery('simple', '''$1'':*'))"
    }
    wscore() { echo "(case when t.search_tsv @@ to_tsquery('simple', '''$1'':*A') then 4 else 0 end + case when t.search_tsv @@ to_tsquery('simple', '''$1'':*B') then 2 else 0 end + case when t.search_tsv @@ to_tsquery('simple', '''$1'':*C') then 1 else 0 end)"; }
    case $1 in
        rare-word) where="and ($(word quokka))"; score="1 + $(wscore quokka)" ;;
        two-common-words) where="and ($(word printer)) and ($(word invoice))"; score="1 + $(wscore printer) + $(wscore invoice)" ;;
        phrase) local l="like '% printer not working %'" q="to_tsquery('simple', 'printer & not & working')"
                where="and ((t.search_tsv @@ $q and (helpdesk_search_text(t.subject) $l or helpdesk_search_text(t.description) $l or helpdesk_search_text(t.contact_email) $l or helpdesk_search_text(t.contact_name) $l)) or (t.conversation_words @@ $q and (exists (select 1 from messages m where m.entity_id = $e and m.ticket_id = t.id and helpdesk_search_text(m.body) $l offset 0) or exists (select 1 from attachments a where a.entity_id = $e and a.ticket_id = t.id and helpdesk_search_text(a.filename) $l offset 0))))"
                score="1 + (case when helpdesk_search_text(t.subject) like '% printer not working %' then 4 else 0 end)" ;;
        filter-only) where="and (t.status in ('open')) and (t.priority in ('high'))"; score="1" ;;
        word-two-filters) where="and ($(word password)) and (t.status in ('open')) and (t.updated_at >= now() - interval '30 days')"; score="1 + $(wscore password)" ;;
    esac
    {
        echo "BEGIN READ ONLY;"
        echo "set local plan_cache_mode = force_custom_plan;"
        echo "set local random_page_cost = 1.1;"
        echo "set local work_mem = '16MB';"
        echo "select * from (select $cols, $score as score from tickets t where t.entity_id = $e $where) hits order by score desc, updated_at desc, id desc limit 21;"
        echo "COMMIT;"
    } >"$f"
    echo "$f"
}

run_wrk() {   # run_wrk PATH CONNS SECONDS -> RESULT line
    BENCH_PATH=$1 BENCH_KEY=$KEY wrk -t2 -c"$2" -d"$3"s --timeout 10s -s "$BENCH_DIR/wrk/search.lua" \
        "http://127.0.0.1:$PORT" 2>&1 | grep '^RESULT' || echo "RESULT 0 0 0 -1 -1 0"
}
run_pgbench() {   # run_pgbench FILE CONNS SECONDS -> "p50_ms p99_ms tps"
    local dir; dir=$(mktemp -d "$OUT/pgbench.XXXX")
    (cd "$dir" && pgbench -n -c "$2" -j 2 -T "$3" -l --log-prefix=tx -f "$1" "$DB" >out.txt 2>&1) || true
    cat "$dir"/tx* 2>/dev/null | awk '{print $3}' | sort -n | awk -v secs="$3" '{a[NR]=$1} END {
        if (NR == 0) {print "- - 0"; exit}
        i50 = int(NR * 0.5) + 1; if (i50 > NR) i50 = NR
        i99 = int(NR * 0.99) + 1; if (i99 > NR) i99 = NR
        printf "%.1f %.1f %.1f\n", a[i50] / 1000, a[i99] / 1000, NR / secs}'
}

{
    echo "# Search benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "Database: $(cat "$OUT/db-size.txt"). ${DURATION} s per measurement after ${WARMUP} s warm-up."
    echo
    echo "| query | conns | app p50 ms | app p99 ms | app req/s | PostgreSQL p50 ms | PostgreSQL p99 ms |"
    echo "|---|---|---|---|---|---|---|"
} >"$OUT/results.md"
for name in $NAMES; do
    if [[ $name == deep-page ]]; then path=$deep; script=""; else path="/api/helpdesk/search?q=$(enc "${QUERIES[$name]}")"; script=$(pg_script "$name"); fi
    run_wrk "$path" 16 "$WARMUP" >/dev/null
    for c in $CONNS; do
        read -r _ rps p50 p99 _ non2xx _ < <(run_wrk "$path" "$c" "$DURATION")
        pg="- -"
        [[ -n "$script" ]] && pg=$(run_pgbench "$script" "$c" "$DURATION" | awk '{print $1, $2}')
        printf '| %s | %s | %.1f | %.1f | %s | %s | %s |\n' "$name" "$c" "$(echo "$p50/1000" | bc -l)" \
            "$(echo "$p99/1000" | bc -l)" "$rps" ${pg} >>"$OUT/results.md"
        ((non2xx == 0)) || log "$name c$c: $non2xx responses were not 2xx"
    done
done
log "results: $OUT/results.md"
cat "$OUT/results.md"
