#!/usr/bin/env bash
# The whole integration suite (the PostgreSQL run of Failsafe, it-postgres) against a Citus coordinator with two
# workers: builds and installs Citus from SRC_DIR if it is not installed, starts the cluster, runs the suite with
# the distribution step on (HELPDESK_CITUS_DISTRIBUTE=true), stops the cluster and prints the counts.
#   bench/citus/run-suite.sh SRC_DIR [extra mvn arguments, e.g. -Dit.test=TicketApiIT]
# Environment: CITUS_PORT (default 9700), CITUS_DB (default helpdesk), MVN_OFFLINE=-o to run Maven offline.
set -euo pipefail
SRC=${1:?usage: run-suite.sh CITUS_SOURCE_DIR [mvn args]}; shift
cd "$(dirname "$0")/../.."
HERE=bench/citus
PORT=${CITUS_PORT:-9700}
DB=${CITUS_DB:-helpdesk}

if [ ! -f "$(/usr/lib/postgresql/15/bin/pg_config --pkglibdir)/citus.so" ]; then
  "$HERE/build.sh" "$SRC"
fi
trap '"$HERE/cluster.sh" stop' EXIT
"$HERE/cluster.sh" start

export HELPDESK_TEST_DB_URL=jdbc:postgresql://127.0.0.1:$PORT/$DB
export HELPDESK_TEST_DB_USER=postgres
export HELPDESK_CITUS_DISTRIBUTE=true   # the app's afterMigrate step distributes the tables (docs/scale-out.md)
export HELPDESK_TEST_CITUS=true         # the few tests that cannot apply on Citus skip themselves (docs/scale-out.md)
start=$(date +%s)
status=0
# only the PostgreSQL execution of Failsafe (the H2 run and the unit tests do not touch the cluster)
nice -n 19 mvn -B -ntp ${MVN_OFFLINE:-} verify -DskipH2Tests=true -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false "$@" || status=$?
secs=$(( $(date +%s) - start ))

summary=target/failsafe-reports-postgres/failsafe-summary.xml
get() { sed -n "s:.*<$1>\([0-9]*\)</$1>.*:\1:p" "$summary" 2>/dev/null || true; }
echo
echo "Citus suite: completed $(get completed), errors $(get errors), failures $(get failures), skipped $(get skipped) in ${secs}s (mvn exit $status)"
grep -l -E '<(failure|error)' target/failsafe-reports-postgres/TEST-*.xml 2>/dev/null | sed 's:.*/TEST-::; s:\.xml$::; s:^:  failing class\: :' || true
exit $status
