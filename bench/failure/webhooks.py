#!/usr/bin/env python3
"""Receiver, load and checker for the webhook failure tests (standard library only, loopback only).

  webhooks.py setup    --base URL --receiver URL --out FILE
                       sign up a fresh owner, create an API key and a webhook for ticket.created; writes JSON
  webhooks.py receiver --port P --out FILE
                       answers every POST 200 and appends {"id": webhook-id, "ticket": data.ticket.id} to FILE
  webhooks.py burst    --base URL[,URL...] --key K --count N --threads T --out FILE
                       T writers POST N tickets in all (round robin over the URLs); every 201 is appended to FILE
  webhooks.py check    --acked FILE --received FILE --timeout S
                       waits (at most S seconds) until every acknowledged ticket's ticket.created event arrived;
                       prints {acked, events, lost, duplicates}; exit 1 if any is lost
"""
import argparse
import http.client
import http.server
import json
import sys
import threading
import time
import urllib.parse
import uuid


def request(base, method, path, body=None, headers=None, timeout=10.0):
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
        return r.status, r.getheaders(), r.read()
    finally:
        conn.close()


def setup(args):
    email = f"hooks-{uuid.uuid4().hex[:12]}@example.com"
    status, headers, raw = request(args.base, "POST", "/api/auth/signup", {
        "email": email, "password": "correct horse battery", "name": "Hook Owner", "entityName": "Hooks " + email})
    if status != 201:
        sys.exit(f"signup: {status} {raw[:200]}")
    jar = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            k, _, v = value.split(";", 1)[0].partition("=")
            jar[k.strip()] = v.strip()
    session = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()), "X-XSRF-TOKEN": jar["XSRF-TOKEN"]}
    status, _, raw = request(args.base, "GET", "/api/me", headers=session)
    entity = json.loads(raw)["memberships"][0]["entity"]["id"]
    status, _, raw = request(args.base, "POST", f"/api/settings/api-keys?entityId={entity}",
                             {"name": "load", "scopes": ["read:helpdesk", "write:helpdesk"]}, session)
    key = json.loads(raw)["key"]
    hook = {"id": None, "secret": None}
    if args.receiver:   # without --receiver: the same entity and key, no subscription (the baseline)
        status, _, raw = request(args.base, "POST", f"/api/settings/webhooks?entityId={entity}",
                                 {"url": args.receiver, "events": ["ticket.created"]}, session)
        if status != 201:
            sys.exit(f"webhook: {status} {raw[:300]}")
        hook = json.loads(raw)
    with open(args.out, "w") as f:
        json.dump({"key": key, "entityId": entity, "webhookId": hook["id"], "secret": hook["secret"]}, f)


def receiver(args):
    lock = threading.Lock()
    out = open(args.out, "a", buffering=1)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                ticket = json.loads(body)["data"]["ticket"]["id"]
            except (ValueError, KeyError, TypeError):
                ticket = None
            with lock:
                out.write(json.dumps({"id": self.headers.get("webhook-id"), "ticket": ticket,
                                      "t": time.time()}) + "\n")
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.serve_forever()


def burst(args):
    bases = args.base.split(",")
    lock = threading.Lock()
    out = open(args.out, "a", buffering=1)
    counter = iter(range(args.count))
    stats = {"acked": 0, "failed": 0}

    def writer():
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                return
            base = bases[n % len(bases)]
            try:
                status, _, raw = request(base, "POST", "/api/helpdesk/tickets", {"subject": f"Burst {n}"},
                                         {"Authorization": "Bearer " + args.key})
            except OSError:
                status = None
            with lock:
                if status == 201:
                    stats["acked"] += 1
                    out.write(json.dumps({"ticket": json.loads(raw)["id"], "t": time.time()}) + "\n")
                else:
                    stats["failed"] += 1

    threads = [threading.Thread(target=writer) for _ in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps(stats))


def check(args):
    acked = {json.loads(l)["ticket"] for l in open(args.acked) if l.strip()}
    deadline = time.time() + args.timeout
    while True:
        events = [json.loads(l) for l in open(args.received) if l.strip()]
        seen = {e["ticket"] for e in events}
        lost = acked - seen
        if not lost or time.time() > deadline:
            break
        time.sleep(1)
    ids = [e["id"] for e in events]
    result = {"acked": len(acked), "events": len(events), "lost": len(lost),
              "duplicates": len(ids) - len(set(ids))}
    # delay from the API's acknowledgement (the commit) to the first arrival of the ticket's event
    acked_at = {json.loads(l)["ticket"]: json.loads(l)["t"] for l in open(args.acked) if l.strip()}
    first = {}
    for e in events:
        if e.get("t") is not None and e["ticket"] in acked_at:
            first[e["ticket"]] = min(first.get(e["ticket"], e["t"]), e["t"])
    delays = sorted(max(0.0, first[t] - acked_at[t]) * 1000 for t in first)
    if delays:
        result["delayMsP50"] = round(delays[len(delays) // 2], 1)
        result["delayMsP99"] = round(delays[min(len(delays) - 1, int(len(delays) * 0.99))], 1)
        result["lastArrival"] = max(first.values())
    print(json.dumps(result))
    if lost:
        print("lost tickets: " + ", ".join(sorted(lost)[:10]), file=sys.stderr)
        sys.exit(1)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("setup"); s.add_argument("--base"); s.add_argument("--receiver"); s.add_argument("--out")
    s = sub.add_parser("receiver"); s.add_argument("--port", type=int); s.add_argument("--out")
    s = sub.add_parser("burst"); s.add_argument("--base"); s.add_argument("--key")
    s.add_argument("--count", type=int, default=200); s.add_argument("--threads", type=int, default=8)
    s.add_argument("--out")
    s = sub.add_parser("check"); s.add_argument("--acked"); s.add_argument("--received")
    s.add_argument("--timeout", type=int, default=120)
    args = p.parse_args()
    {"setup": setup, "receiver": receiver, "burst": burst, "check": check}[args.cmd](args)


if __name__ == "__main__":
    main()
