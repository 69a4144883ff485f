#!/usr/bin/env python3
"""Load client and checker for the attachments failure test (standard library only, loopback only).

  files.py load   --base URL --key K --seconds S --threads T --out FILE
                  each thread: upload a random file (1 KiB-1 MiB), then a ticket naming it; every 201 ticket is
                  appended to FILE as a JSON line (ticket, attachment, sha256, t); prints a summary JSON
  files.py verify --db DB --dir FOLDER --acked FILE
                  every attachment row has its bytes (a file under FOLDER/blobs whose sha256 is its name), and
                  every acknowledged file is attached to its ticket
  files.py orphans --db DB --dir FOLDER
                  prints how many stored blobs no row names
"""
import argparse
import hashlib
import http.client
import json
import os
import random
import subprocess
import threading
import time
import urllib.parse
import uuid


def post(base, path, headers, body, timeout=20.0):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        conn.request("POST", path, body=body, headers=headers)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def multipart(name, content):
    boundary = "b" + uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return boundary, head + content + f"\r\n--{boundary}--\r\n".encode()


def cmd_load(a):
    stop_at = time.time() + a.seconds
    lock = threading.Lock()
    counts = {"acked": 0, "failed": 0}
    out = open(a.out, "a", buffering=1)
    start = time.time()

    def worker(i):
        rnd = random.Random(i)
        while time.time() < stop_at:
            content = os.urandom(rnd.randint(1024, 1024 * 1024))
            sha = hashlib.sha256(content).hexdigest()
            try:
                boundary, body = multipart(f"f{i}.bin", content)
                s, raw = post(a.base, "/api/helpdesk/uploads", {"Authorization": "Bearer " + a.key,
                              "Content-Type": "multipart/form-data; boundary=" + boundary}, body)
                if s != 201:
                    raise RuntimeError(s)
                att = json.loads(raw)["id"]
                s, raw = post(a.base, "/api/helpdesk/tickets", {"Authorization": "Bearer " + a.key,
                              "Content-Type": "application/json"},
                              json.dumps({"subject": "with a file", "attachments": [att]}).encode())
                if s != 201:
                    raise RuntimeError(s)
                with lock:
                    counts["acked"] += 1
                    out.write(json.dumps({"ticket": json.loads(raw)["id"], "attachment": att, "sha256": sha,
                                          "t": time.time() - start}) + "\n")
            except Exception:
                with lock:
                    counts["failed"] += 1
                time.sleep(0.2)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(a.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(a.seconds + 60)
    print(json.dumps(counts))


def psql(db, sql):
    return subprocess.run(["psql", "-X", "-qAt", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-c", sql],
                          check=True, capture_output=True, text=True).stdout


def blob(folder, entity, sha):
    return os.path.join(folder, "blobs", entity, sha[:2], sha)


def sha_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def cmd_verify(a):
    rows = [l.split("|") for l in psql(a.db, "select entity_id, id, sha256, coalesce(ticket_id::text, '') "
                                            "from attachments").split()]
    problems = []
    for entity, att, sha, ticket in rows:
        path = blob(a.dir, entity, sha)
        if not os.path.exists(path):
            problems.append(f"attachment {att}: no bytes at {path}")
        elif sha_of(path) != sha:
            problems.append(f"attachment {att}: bytes do not match sha256 {sha}")
    by_id = {r[1]: r for r in rows}
    acked = [json.loads(l) for l in open(a.acked)] if os.path.exists(a.acked) else []
    for x in acked:
        r = by_id.get(x["attachment"])
        if r is None or r[3] != x["ticket"] or r[2] != x["sha256"]:
            problems.append(f"acknowledged file {x['attachment']} is not on ticket {x['ticket']}")
    print(json.dumps({"rows": len(rows), "acked": len(acked), "problems": len(problems)}))
    for p in problems[:20]:
        print(p)
    raise SystemExit(1 if problems else 0)


def cmd_orphans(a):
    named = {tuple(l.split("|")) for l in psql(a.db, "select distinct entity_id, sha256 from attachments").split()}
    orphans = 0
    root = os.path.join(a.dir, "blobs")
    for entity in os.listdir(root) if os.path.isdir(root) else []:
        for prefix in os.listdir(os.path.join(root, entity)):
            for sha in os.listdir(os.path.join(root, entity, prefix)):
                if (entity, sha) not in named:
                    orphans += 1
    print(orphans)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("load"); s.add_argument("--base", required=True); s.add_argument("--key", required=True)
    s.add_argument("--seconds", type=int, required=True); s.add_argument("--threads", type=int, default=8)
    s.add_argument("--out", required=True)
    s = sub.add_parser("verify"); s.add_argument("--db", required=True); s.add_argument("--dir", required=True)
    s.add_argument("--acked", required=True)
    s = sub.add_parser("orphans"); s.add_argument("--db", required=True); s.add_argument("--dir", required=True)
    a = p.parse_args()
    {"load": cmd_load, "verify": cmd_verify, "orphans": cmd_orphans}[a.cmd](a)


if __name__ == "__main__":
    main()
