package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.MailTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a test of the normal build: mails imported per second from a mailbox holding 10,000 unseen
 * mails (each mail a new ticket). Run with
 * {@code mvn -o verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MailImportBenchmarkIT
 * -Dhelpdesk.bench=true} (add HELPDESK_TEST_DB_URL for PostgreSQL); the figure is printed.
 * <p>
 * By default the mails are delivered to the in-process GreenMail, which scans its whole folder on every FETCH and
 * so is itself the bottleneck from a few thousand mails on. With {@code -Dhelpdesk.bench.imap-host} (and
 * {@code imap-port}, {@code imap-user}, {@code imap-password}) the mailbox points at that external IMAP server
 * instead (plain IMAP, no TLS), whose INBOX must already hold {@code helpdesk.bench.mails} unseen mails from
 * distinct senders: nothing is seeded. {@code bench/mail-import.sh} does all of it with a private Dovecot.
 */
@EnabledIfSystemProperty(named = "helpdesk.bench", matches = "true")
// GreenMail answers SEARCH UNSEEN over 10,000 mails slowly on a busy machine: a generous read timeout; only
// the measured loop polls (no scheduler competing for the claim)
@TestPropertySource(properties = {"helpdesk.mail.timeout=PT120S", "helpdesk.mail.polling-enabled=false"})
class MailImportBenchmarkIT extends ApiTest {
    private static final int MAILS = Integer.getInteger("helpdesk.bench.mails", 10_000);
    private static final String IMAP_HOST = System.getProperty("helpdesk.bench.imap-host", "");
    private static final int IMAP_PORT = Integer.getInteger("helpdesk.bench.imap-port", 143);
    private static final String IMAP_USER = System.getProperty("helpdesk.bench.imap-user", "bench");
    private static final String IMAP_PASSWORD = System.getProperty("helpdesk.bench.imap-password", "");

    @Autowired
    MailPoller poller;

    @Test
    void importsTenThousandMails() {
        HttpApi.Owner owner = api.newOwner();
        boolean external = !IMAP_HOST.isBlank();
        String support = external ? "support-" + UUID.randomUUID().toString().substring(0, 12) + "@bench.test"
                : MailTestServer.newSupportAddress();
        Map<String, Object> body = external ? externalMailboxBody(support) : MailTestServer.mailboxBody(support);
        UUID mailbox = UUID.fromString(api.post("/api/settings/mailboxes?entityId=" + owner.entity())
                .session(owner.session()).json(disabled(body))
                .send().json().get("id").stringValue());
        if (external) {
            assertThat(externalUnseen()).as("unseen mails waiting on %s:%d", IMAP_HOST, IMAP_PORT).isEqualTo(MAILS);
        } else {
            for (int i = 0; i < MAILS; i++) {
                MailTestServer.deliver(support, MailTestServer.mail("Sender " + i + " <sender" + i + "@customer.test>",
                        support, "Benchmark mail " + i, "Line one of mail " + i + "\nLine two.\n"));
            }
        }
        assertThat(api.patch("/api/settings/mailboxes/" + mailbox + "?entityId=" + owner.entity())
                .session(owner.session()).json(Map.of("enabled", true)).send().status()).isEqualTo(200);

        long start = System.nanoTime();
        long deadline = System.nanoTime() + 900_000_000_000L;
        int left;
        while ((left = external ? externalUnseen() : MailTestServer.unseen(support)) > 0
                && System.nanoTime() < deadline) {
            System.out.printf("BENCH progress: %d imported after %.1f s%n", MAILS - left, (System.nanoTime() - start) / 1e9);
            poller.poll(owner.entityId(), mailbox);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long tickets = api.get("/api/helpdesk/tickets?limit=1").bearer(owner.apiKey()).send().status() == 200
                ? countTickets(owner) : -1;
        assertThat(tickets).isEqualTo(MAILS);
        System.out.printf("%nBENCH mail import: %d mails in %.1f s = %.0f mails/s (%s, %s)%n%n", MAILS, seconds,
                MAILS / seconds, org.helpdesk.support.TestDatabase.postgres() ? "PostgreSQL" : "H2",
                external ? "IMAP " + IMAP_HOST + ":" + IMAP_PORT : "GreenMail");
    }

    /** A mailbox on the external IMAP server; SMTP is never used here (no replies are sent). */
    private static Map<String, Object> externalMailboxBody(String address) {
        return Map.of("name", "Support", "address", address, "imapHost", IMAP_HOST, "imapPort", IMAP_PORT,
                "imapSecurity", "none", "imapUsername", IMAP_USER, "imapPassword", IMAP_PASSWORD,
                "smtpHost", "127.0.0.1", "smtpPort", 25, "smtpSecurity", "none");
    }

    /** Unseen mails in the external server's INBOX (IMAP STATUS, on a connection of its own). */
    private static int externalUnseen() {
        java.util.Properties props = new java.util.Properties();
        props.put("mail.imap.connectiontimeout", "20000");
        props.put("mail.imap.timeout", "120000");
        try (jakarta.mail.Store store = jakarta.mail.Session.getInstance(props).getStore("imap")) {
            store.connect(IMAP_HOST, IMAP_PORT, IMAP_USER, IMAP_PASSWORD);
            return store.getFolder("INBOX").getUnreadMessageCount();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException("IMAP " + IMAP_HOST + ":" + IMAP_PORT + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> disabled(Map<String, Object> body) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put("enabled", false);
        copy.put("pollSeconds", 3600);
        return copy;
    }

    private long countTickets(HttpApi.Owner owner) {
        long count = 0;
        String cursorPath = "/api/helpdesk/tickets?limit=200";
        while (cursorPath != null) {
            HttpApi.Response r = api.get(cursorPath).bearer(owner.apiKey()).send();
            count += r.json().size();
            String link = r.header("Link");
            cursorPath = link == null ? null : link.substring(link.indexOf("/api/"), link.indexOf('>'));
        }
        return count;
    }
}
