#!/usr/bin/env bash
# Time of the contact backfill (docs/contacts.md): tickets from before contacts existed, linked at start-up in
# batches. Seeds a private PostgreSQL database with TICKETS tickets spread over ADDRESSES contact addresses (all
# without a contact, as right after the V80-V82 migrations), starts the packaged app against it and times until
# no ticket with an address is left unlinked. Also samples a ticket-list request during the run, to show the
# service answers meanwhile.
#
#   bench/contact-backfill.sh [TICKETS] [ADDRESSES]     (default: 2000000 200000)
#
#   PGHOST/PGPORT/PGUSER  the PostgreSQL to use (default 127.0.0.1:5432, postgres); the database
#                         helpdesk_contactbench is created and dropped by this script
#   BENCH_SKIP_BUILD=1    use the jar in target/ as it is
# Loopback only; the app is stopped by its pid on exit.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
TICKETS=${1:-2000000}
ADDRESSES=${2:-200000}
DB=helpdesk_contactbench
PORT=${PORT:-18090}
APP_PID_backfill=""
trap 'stop_pid "$APP_PID_backfill"; drop_db "$DB"' EXIT

ensure_jar
create_db "$DB"

log "migrating (backfill off)"
start_app backfill "$DB" "$PORT" HELPDESK_CONTACTS_BACKFILL=false
wait_healthy "$PORT" 180 || die "app did not start"
stop_pid "$APP_PID_backfill"

log "seeding $TICKETS tickets over $ADDRESSES addresses"
psql_q -d "$DB" -v tickets="$TICKETS" -v addresses="$ADDRESSES" <<'SQL'
insert into users(id, email, password_hash, name, created_at)
values ('00000000-0000-7000-8000-000000000001', 'owner@bench.example', '{noop}x', 'Bench Owner', now());
insert into entities(id, name, last_ticket_number, created_at)
values ('00000000-0000-7000-a000-000000000001', 'Bench', :tickets, now());
insert into memberships(entity_id, user_id, role, created_at)
values ('00000000-0000-7000-a000-000000000001', '00000000-0000-7000-8000-000000000001', 'owner', now());
insert into tickets(entity_id, id, ticket_number, subject, status, priority, channel, contact_email,
                    contact_name, created_by, created_at, updated_at)
select '00000000-0000-7000-a000-000000000001',
       ('00000000-0000-7000-b000-' || lpad(to_hex(g), 12, '0'))::uuid, g, 'Ticket ' || g, 'open', 'normal', 'email',
       'Customer' || (g % :addresses) || '@bench.example', 'Customer ' || (g % :addresses), 
       '00000000-0000-7000-8000-000000000001', now() - (g || ' seconds')::interval, now()
from generate_series(1, :tickets) g;
analyze tickets;
SQL

log "starting with the backfill on"
start=$(date +%s.%N)
start_app backfill "$DB" "$PORT"
wait_healthy "$PORT" 180 || die "app did not start"
# the end is the app's own log line (counting the unlinked tickets would scan the table every time); the count
# is taken every 30 s for the progress lines only
n=0
until grep -q "Contact backfill done" "${BENCH_LOG_DIR:-/tmp}/app-backfill.log" 2>/dev/null; do
    sleep 1
    n=$((n + 1))
    if ((n % 30 == 0)); then
        left=$(psql_q -d "$DB" -c "select count(*) from tickets where entity_id = '00000000-0000-7000-a000-000000000001'
                                    and contact_id is null and contact_email is not null")
        t=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/readyz" || echo fail)
        log "unlinked: $left; /readyz answered in ${t}s"
    fi
    kill -0 "$APP_PID_backfill" 2>/dev/null || die "app stopped"
done
end=$(date +%s.%N)
left=$(psql_q -d "$DB" -c "select count(*) from tickets where contact_id is null and contact_email is not null")
((left == 0)) || die "the app says done but $left tickets are unlinked"
contacts=$(psql_q -d "$DB" -c "select count(*) from contacts")
printf 'BENCH contact-backfill tickets=%s addresses=%s contacts=%s seconds=%.1f\n' \
    "$TICKETS" "$ADDRESSES" "$contacts" "$(echo "$end - $start" | bc)"
