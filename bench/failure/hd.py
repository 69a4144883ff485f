#!/usr/bin/env python3
"""Small load client and checker for the failure tests (standard library only, loopback only).

  hd.py setup   --base URL --out FILE          sign up a fresh user, create an API key; writes JSON
  hd.py load    --base URL[,URL...] --key K --seconds S --max N --threads T --out FILE [--messages M]
                POSTs tickets until S seconds or N attempts; every 201 is appended to FILE as JSON lines
                (id, number, t); with --messages, M messages are posted to each new ticket and every 201 is
                appended too (message, ticket, t); failures are counted; prints a summary JSON
  hd.py verify  --db DB --entity E --acked FILE [--after T]
                every acknowledged ticket (and message) exists, tickets with their number, numbers are unique
  hd.py gap     --acked FILE                    the longest time without an acknowledged write, and when
  hd.py reads   --base URL --key K --seconds S --threads T
                GET the ticket list and searches until S seconds; prints counts by status
  hd.py ryw     --base URL --keys K1,K2,... --control KEY --pairs N
                read-your-writes: each writer key creates a ticket and at once searches for it (must find it);
                the control key (which never writes) searches too, and how often it misses is reported
  hd.py session --a URL --b URL                 signup on A; GET /api/me with that session on B
"""
import argparse
import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid


def request(base, method, path, body=None, headers=None, timeout=5.0):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        h = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        raw = r.read()
        return r.status, r.getheaders(), raw
    finally:
        conn.close()


def cookies_from(headers):
    jar = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            k, _, v = pair.partition("=")
            jar[k.strip()] = v.strip()
    return jar


def cookie_header(jar):
    return "; ".join(f"{k}={v}" for k, v in jar.items() if v)


def signup(base):
    # kept short: the app stores SessionUser.toString() (id, email and name) as Spring Session's
    # principal_name, a varchar(100) column, so a long email + name fails the signup on PostgreSQL
    email = f"f{uuid.uuid4().hex[:8]}@b.ex"
    status, headers, raw = request(base, "POST", "/api/auth/signup", {
        "email": email, "password": "correct horse battery", "name": "F", "entityName": "Failure Corp"})
    if status != 201:
        raise SystemExit(f"signup on {base}: {status} {raw[:300]!r}")
    body = json.loads(raw)
    jar = cookies_from(headers)
    if "SESSION" not in jar:
        raise SystemExit(f"signup on {base} set no SESSION cookie: {headers}")
    return email, body, jar


def cmd_setup(a):
    email, body, jar = signup(a.base)
    entity = body["entity"]["id"]
    # a safe request hands out the XSRF-TOKEN cookie; unsafe session requests echo it
    status, headers, raw = request(a.base, "GET", "/api/me", headers={"Cookie": cookie_header(jar)})
    jar.update(cookies_from(headers))
    token = jar.get("XSRF-TOKEN")
    if status != 200 or not token:
        raise SystemExit(f"GET /api/me: {status}, cookies {list(jar)}")
    status, headers, raw = request(a.base, "POST", f"/api/settings/api-keys?entityId={entity}",
                                   {"name": "failure test", "scopes": ["read:helpdesk", "write:helpdesk"]},
                                   headers={"Cookie": cookie_header(jar), "X-XSRF-TOKEN": token})
    if status != 201:
        raise SystemExit(f"create API key: {status} {raw[:300]!r}")
    key = json.loads(raw)["key"]
    extra = []
    for i in range(a.keys - 1):
        status, _, raw = request(a.base, "POST", f"/api/settings/api-keys?entityId={entity}",
                                 {"name": f"failure test {i + 2}", "scopes": ["read:helpdesk", "write:helpdesk"]},
                                 headers={"Cookie": cookie_header(jar), "X-XSRF-TOKEN": token})
        if status != 201:
            raise SystemExit(f"create API key: {status} {raw[:300]!r}")
        extra.append(json.loads(raw)["key"])
    with open(a.out, "w") as f:
        json.dump({"email": email, "entityId": entity, "key": key, "keys": [key] + extra}, f)
    print(json.dumps({"entityId": entity}))


def cmd_load(a):
    bases = a.base.split(",")
    deadline = time.monotonic() + a.seconds
    lock = threading.Lock()
    stats = {"attempts": 0, "acked": 0, "errors": 0, "status": {}, "first_error": None, "last_error": None}
    stats["acked_messages"] = 0
    out = open(a.out, "a", buffering=1)
    start = time.time()

    stats["503_without_retry_after"] = 0

    def check_retry_after(status, hdrs):
        if status == 503 and not any(k.lower() == "retry-after" for k, _ in hdrs):
            with lock:
                stats["503_without_retry_after"] += 1

    def failed(status, t):
        with lock:
            stats["errors"] += 1
            stats["status"][str(status)] = stats["status"].get(str(status), 0) + 1
            stats["first_error"] = stats["first_error"] if stats["first_error"] is not None else round(t, 3)
            stats["last_error"] = round(t, 3)
        time.sleep(0.05)  # back off a little while the service is down

    def worker(i):
        n = 0
        while time.monotonic() < deadline:
            with lock:
                if stats["attempts"] >= a.max:
                    return
                stats["attempts"] += 1
            base = bases[(i + n) % len(bases)]
            n += 1
            t = time.time() - start
            try:
                status, hdrs, raw = request(base, "POST", "/api/helpdesk/tickets",
                                            {"subject": f"failure test {i}-{n}"},
                                            headers={"Authorization": "Bearer " + a.key}, timeout=a.timeout)
            except (OSError, http.client.HTTPException) as e:
                status, hdrs, raw = type(e).__name__, [], b""
            check_retry_after(status, hdrs)
            if status == 201:
                body = json.loads(raw)
                line = json.dumps({"id": body["id"], "number": body["ticketNumber"], "t": round(t, 3),
                                   "at": round(time.time(), 3), "node": base})
                with lock:
                    stats["acked"] += 1
                    out.write(line + "\n")
                for m in range(a.messages):
                    if time.monotonic() >= deadline:
                        break
                    t = time.time() - start
                    try:
                        mstatus, mhdrs, mraw = request(base, "POST", f"/api/helpdesk/tickets/{body['id']}/messages",
                                                       {"body": f"message {m}"},
                                                       headers={"Authorization": "Bearer " + a.key}, timeout=a.timeout)
                    except (OSError, http.client.HTTPException) as e:
                        mstatus, mhdrs, mraw = type(e).__name__, [], b""
                    check_retry_after(mstatus, mhdrs)
                    if mstatus == 201:
                        line = json.dumps({"message": json.loads(mraw)["id"], "ticket": body["id"],
                                           "t": round(time.time() - start, 3),
                                           "at": round(time.time(), 3), "node": base})
                        with lock:
                            stats["acked_messages"] += 1
                            out.write(line + "\n")
                    else:
                        failed(mstatus, t)
            else:
                failed(status, t)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(a.threads)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(a.seconds + a.timeout + 5)
    out.close()
    stats["seconds"] = round(time.time() - start, 1)
    print(json.dumps(stats))


def psql(db, sql):
    return subprocess.run(["psql", "-X", "-qAt", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-c", sql],
                          check=True, capture_output=True, text=True).stdout


def cmd_verify(a):
    lines = [json.loads(l) for l in open(a.acked) if l.strip()]
    acked = [t for t in lines if "number" in t]
    acked_messages = [m for m in lines if "message" in m]
    stored = set(psql(a.db, f"select id from messages where entity_id = '{a.entity}'").split()) if acked_messages else set()
    missing_messages = [m for m in acked_messages if m["message"] not in stored]
    rows = {}
    for line in psql(a.db, f"select id, ticket_number from tickets where entity_id = '{a.entity}'").splitlines():
        i, n = line.split("|")
        rows[i] = int(n)
    missing = [t for t in acked if t["id"] not in rows]
    wrong = [t for t in acked if t["id"] in rows and f"HD-{rows[t['id']]}" != t["number"]]
    numbers = [t["number"] for t in acked]
    dup_acked = len(numbers) - len(set(numbers))
    dup_db = len(rows) - len(set(rows.values()))
    counter = int(psql(a.db, f"select last_ticket_number from entities where id = '{a.entity}'").strip())
    after = sum(1 for t in acked if t["t"] > a.after) if a.after is not None else None
    result = {"acked": len(acked), "in_db": len(rows), "missing": len(missing), "wrong_number": len(wrong),
              "duplicate_numbers_acked": dup_acked, "duplicate_numbers_db": dup_db,
              "counter": counter, "max_number": max(rows.values(), default=0), "acked_after": after,
              "acked_messages": len(acked_messages), "missing_messages": len(missing_messages)}
    print(json.dumps(result))
    ok = (len(acked) > 0 and not missing and not missing_messages and not wrong and dup_acked == 0 and dup_db == 0
          and counter >= result["max_number"] and (after is None or after > 0))
    if missing:
        print("missing (first 5):", missing[:5], file=sys.stderr)
    sys.exit(0 if ok else 1)


def cmd_gap(a):
    ts = sorted(json.loads(l)["t"] for l in open(a.acked) if l.strip())
    gap, at = max(((b - x, x) for x, b in zip(ts, ts[1:])), default=(0, 0))
    print(json.dumps({"longest_gap_s": round(gap, 2), "from_t": at, "writes": len(ts)}))


def run_threads(n, target):
    threads = [threading.Thread(target=target, args=(i,), daemon=True) for i in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


def cmd_reads(a):
    deadline = time.monotonic() + a.seconds
    lock = threading.Lock()
    stats = {"requests": 0, "status": {}}
    queries = ["/api/helpdesk/tickets", "/api/helpdesk/tickets?search=seed", "/api/helpdesk/tickets?status=new&limit=10",
               "/api/helpdesk/tickets?search=7"]

    def worker(i):
        n = i
        while time.monotonic() < deadline:
            n += 1
            try:
                status, _, _ = request(a.base, "GET", queries[n % len(queries)],
                                       headers={"Authorization": "Bearer " + a.key})
            except (OSError, http.client.HTTPException) as e:
                status = type(e).__name__
            with lock:
                stats["requests"] += 1
                stats["status"][str(status)] = stats["status"].get(str(status), 0) + 1

    run_threads(a.threads, worker)
    print(json.dumps(stats))


def cmd_ryw(a):
    keys = a.keys.split(",")
    lock = threading.Lock()
    stats = {"pairs": 0, "own_read_missed": 0, "errors": 0, "control_reads": 0, "control_missed": 0, "misses": []}
    per_key = a.pairs // len(keys)

    def search(key, token):
        status, _, raw = request(a.base, "GET", f"/api/helpdesk/tickets?search={token}&limit=5",
                                 headers={"Authorization": "Bearer " + key})
        if status != 200:
            raise OSError(f"search: {status}")
        return [t["id"] for t in json.loads(raw)["items"]] if raw.startswith(b"{") else [t["id"] for t in json.loads(raw)]

    def worker(i):
        key = keys[i]
        for n in range(per_key):
            token = uuid.uuid4().hex[:12]
            try:
                status, _, raw = request(a.base, "POST", "/api/helpdesk/tickets", {"subject": f"ryw {token}"},
                                         headers={"Authorization": "Bearer " + key})
                if status != 201:
                    raise OSError(f"create: {status}")
                tid = json.loads(raw)["id"]
                own = search(key, token)
                control = search(a.control, token) if n % 2 == 0 else None
            except (OSError, http.client.HTTPException, ValueError):
                with lock:
                    stats["errors"] += 1
                continue
            with lock:
                stats["pairs"] += 1
                if tid not in own:
                    stats["own_read_missed"] += 1
                    if len(stats["misses"]) < 5:
                        stats["misses"].append(tid)
                if control is not None:
                    stats["control_reads"] += 1
                    stats["control_missed"] += tid not in control

    run_threads(len(keys), worker)
    print(json.dumps(stats))
    sys.exit(0 if stats["own_read_missed"] == 0 and stats["pairs"] > 0 else 1)


def cmd_session(a):
    email, body, jar = signup(a.a)
    status, _, raw = request(a.b, "GET", "/api/me", headers={"Cookie": cookie_header({"SESSION": jar["SESSION"]})})
    me = json.loads(raw) if status == 200 else {}
    ok = status == 200 and me.get("user", {}).get("email") == email
    print(json.dumps({"signup_node": a.a, "me_node": a.b, "status": status, "same_user": ok}))
    sys.exit(0 if ok else 1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("setup"); s.add_argument("--base", required=True); s.add_argument("--out", required=True)
    s.add_argument("--keys", type=int, default=1)
    s = sub.add_parser("reads"); s.add_argument("--base", required=True); s.add_argument("--key", required=True)
    s.add_argument("--seconds", type=float, required=True); s.add_argument("--threads", type=int, default=8)
    s = sub.add_parser("ryw"); s.add_argument("--base", required=True); s.add_argument("--keys", required=True)
    s.add_argument("--control", required=True); s.add_argument("--pairs", type=int, required=True)
    s = sub.add_parser("load")
    s.add_argument("--base", required=True); s.add_argument("--key", required=True)
    s.add_argument("--seconds", type=float, required=True); s.add_argument("--max", type=int, default=100000)
    s.add_argument("--threads", type=int, default=8); s.add_argument("--timeout", type=float, default=5.0)
    s.add_argument("--out", required=True); s.add_argument("--messages", type=int, default=0)
    s = sub.add_parser("verify")
    s.add_argument("--db", required=True); s.add_argument("--entity", required=True)
    s.add_argument("--acked", required=True); s.add_argument("--after", type=float)
    s = sub.add_parser("session"); s.add_argument("--a", required=True); s.add_argument("--b", required=True)
    s = sub.add_parser("gap"); s.add_argument("--acked", required=True)
    a = p.parse_args()
    {"setup": cmd_setup, "load": cmd_load, "verify": cmd_verify, "session": cmd_session, "gap": cmd_gap,
     "reads": cmd_reads, "ryw": cmd_ryw}[a.cmd](a)


if __name__ == "__main__":
    main()
