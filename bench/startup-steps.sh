#!/usr/bin/env bash
# Where the start-up time goes: starts the app once through bin/helpdesk (fresh embedded database) with
# Spring's step recorder on (-Dhelpdesk.startup-steps=true), reads /actuator/startup and prints the
# start-up phases and the beans whose own creation (without the beans they pull in) took longest.
#
#   bench/startup-steps.sh [--port PORT] [--top N] [-- extra app arguments]
# Environment as for bin/helpdesk (HELPDESK_AOT=off for a start without the AOT cache, HELPDESK_JAR, ...).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=18181 TOP=15 EXTRA=()
while (($#)); do
    case $1 in
        --port) PORT=$2; shift ;;
        --top) TOP=$2; shift ;;
        --) shift; EXTRA=("$@"); break ;;
        *) die "unknown option $1 (see the header of $0)" ;;
    esac
    shift
done
WORK=$(mktemp -d)
PID=""
cleanup() { stop_pid "$PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

env -u HELPDESK_DB_URL -u SPRING_PROFILES_ACTIVE HELPDESK_DATA_DIR="$WORK/data" PORT="$PORT" \
    SERVER_ADDRESS=127.0.0.1 HELPDESK_ACTUATOR_ENDPOINTS=health,info,startup HELPDESK_MANAGEMENT_PORT=$((PORT + 1)) \
    HELPDESK_JAVA_OPTS="${HELPDESK_JAVA_OPTS:-} -Dhelpdesk.startup-steps=true" \
    "$REPO_DIR/bin/helpdesk" "${EXTRA[@]}" >"$WORK/app.log" 2>&1 &
PID=$!
wait_healthy "$PORT" 300 || { tail -30 "$WORK/app.log"; die "app did not start"; }
grep -o 'Started HelpdeskApplication in .*' "$WORK/app.log" || true
curl -fsS "http://127.0.0.1:$((PORT + 1))/actuator/startup" >"$WORK/startup.json"

python3 - "$WORK/startup.json" "$TOP" <<'EOF'
import json, sys
from collections import defaultdict
from datetime import datetime

def t(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()

events = json.load(open(sys.argv[1]))["timeline"]["events"]
top = int(sys.argv[2])
steps = {}
for e in events:
    s = e["startupStep"]
    steps[s["id"]] = dict(name=s["name"], parent=s.get("parentId"), tags={x["key"]: x["value"] for x in s["tags"]},
                          d=t(e["endTime"]) - t(e["startTime"]))
child = defaultdict(float)
for s in steps.values():
    if s["parent"] in steps:
        child[s["parent"]] += s["d"]

phases = defaultdict(float)
for s in steps.values():
    if s["parent"] not in steps:
        phases[s["name"]] += s["d"]
print("\ntop-level phases (s):")
for name, d in sorted(phases.items(), key=lambda x: -x[1])[:12]:
    print(f"  {d:7.3f}  {name}")

own = defaultdict(float)
for sid, s in steps.items():
    if s["name"] == "spring.beans.instantiate":
        own[s["tags"].get("beanName", "?")] += max(0.0, s["d"] - child[sid])
total = sum(own.values())
print(f"\nbean creation, own time: {total:.3f} s over {len(own)} beans; the longest:")
for name, d in sorted(own.items(), key=lambda x: -x[1])[:top]:
    print(f"  {d:7.3f}  {name}")
EOF
