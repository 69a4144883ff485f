#!/usr/bin/env bash
# Mail import throughput against a real IMAP server: a private Dovecot (own config, own temp dir, plain IMAP
# on 127.0.0.1), an INBOX filled with N unseen plain-text mails from distinct senders, then MailImportBenchmarkIT
# pointed at it (-Dhelpdesk.bench.imap-*), which times the poller until every mail is a ticket.
#
#   bench/mail-import.sh [MAILS ...]        (default: 1000 10000; each size is a fresh INBOX and a fresh run)
#
#   IMAP_PORT=18143          port of the private Dovecot
#   HELPDESK_TEST_DB_URL=... run on PostgreSQL instead of H2 (as for the other tests)
# Needs root for the install only (apt-get install dovecot-imapd when dovecot is missing); the Debian service is
# neither started nor touched. Results: the BENCH lines, also in bench/results/mail-import-<timestamp>.txt.
# Loopback only; Dovecot is stopped and the temp dir removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
((${#SIZES[@]})) || SIZES=(1000 10000)
IMAP_PORT=${IMAP_PORT:-18143}
USER_NAME=bench
PASSWORD=bench-secret

if ! command -v dovecot >/dev/null || ! command -v doveadm >/dev/null; then
    echo "Installing dovecot-imapd" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd >/dev/null
fi

TMP=$(mktemp -d /tmp/helpdesk-mailbench.XXXXXX)
chmod 755 "$TMP"
CONF=$TMP/dovecot.conf
MASTER_PID=
OUT=
cleanup() {
    if [[ -n $MASTER_PID ]] && kill -0 "$MASTER_PID" 2>/dev/null; then
        doveadm -c "$CONF" stop 2>/dev/null || kill "$MASTER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$MASTER_PID" 2>/dev/null || break; sleep 0.1; done
    fi
    [[ -z ${OUT:-} || ! -f $TMP/dovecot.log ]] || cp "$TMP/dovecot.log" "${OUT%.txt}-dovecot.log"
    rm -rf "$TMP"
}
trap cleanup EXIT

# the mail processes run as nobody (Dovecot refuses uid 0 for mail access); the maildir belongs to it
mkdir -p "$TMP/run" "$TMP/state" "$TMP/home/$USER_NAME"
echo "$USER_NAME:{PLAIN}$PASSWORD::::::" >"$TMP/passwd"
cat >"$CONF" <<EOF
protocols = imap
listen = 127.0.0.1
base_dir = $TMP/run
state_dir = $TMP/state
log_path = $TMP/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$TMP/home/%u/Maildir
mail_fsync = never
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $TMP/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$TMP/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service imap {
  process_limit = 16
}
EOF

# N plain-text mails straight into Maildir/new (unseen), each with its own Message-ID, sender, subject and date
fill() {
    local n=$1 maildir=$TMP/home/$USER_NAME/Maildir
    rm -rf "$maildir" "$TMP/home/$USER_NAME"/.dovecot* "$TMP/home/$USER_NAME"/dovecot*
    mkdir -p "$maildir/new" "$maildir/cur" "$maildir/tmp"
    awk -v n="$n" -v dir="$maildir/new" -v base="$(date +%s)" 'BEGIN {
        split("Sun Mon Tue Wed Thu Fri Sat", wd, " "); split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", mo, " ")
        for (i = 0; i < n; i++) {
            t = base - n + i
            file = sprintf("%s/%d.M%dP1.helpdesk-bench", dir, t, i)
            printf "Return-Path: <sender%d@customer.test>\n", i > file
            printf "Message-ID: <bench-%d-%d@customer.test>\n", base, i > file
            printf "Date: %s\n", strftime("%a, %d %b %Y %H:%M:%S +0000", t, 1) > file
            printf "From: Sender %d <sender%d@customer.test>\n", i, i > file
            printf "To: support@bench.test\n" > file
            printf "Subject: Benchmark mail %d\n", i > file
            printf "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 7bit\n\n" > file
            printf "Line one of mail %d\nLine two.\n", i > file
            close(file)
        }
    }'
    chown -R nobody:nogroup "$TMP/home"
}

mkdir -p bench/results
OUT=bench/results/mail-import-$(date +%Y%m%d-%H%M%S).txt
dovecot -c "$CONF"
MASTER_PID=$(cat "$TMP/run/master.pid")
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$IMAP_PORT") 2>/dev/null && break; sleep 0.1; done
echo "Dovecot $(dovecot --version) pid $MASTER_PID on 127.0.0.1:$IMAP_PORT, maildir in $TMP" >&2

for n in "${SIZES[@]}"; do
    fill "$n"
    echo "Filled INBOX with $n mails; running MailImportBenchmarkIT (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    log=$TMP/mvn-$n.log
    if ! mvn -q -o verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MailImportBenchmarkIT \
        -Dhelpdesk.bench=true -Dhelpdesk.bench.mails="$n" -Dhelpdesk.bench.imap-host=127.0.0.1 \
        -Dhelpdesk.bench.imap-port="$IMAP_PORT" -Dhelpdesk.bench.imap-user="$USER_NAME" \
        -Dhelpdesk.bench.imap-password="$PASSWORD" >"$log" 2>&1; then
        tail -50 "$log" >&2
        echo "MailImportBenchmarkIT failed for $n mails (Dovecot log: $(tail -5 "$TMP/dovecot.log"))" >&2
        exit 1
    fi
    grep -h 'BENCH mail import' "$log" target/failsafe-reports-*/*.txt 2>/dev/null \
        | head -1 | tee -a "$OUT"
    echo "  (load after: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT"
done
echo "Results in $OUT" >&2
