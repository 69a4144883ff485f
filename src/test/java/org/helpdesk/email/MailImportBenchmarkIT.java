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
 * mails (GreenMail IMAP on this machine, each mail a new ticket). Run with
 * {@code mvn -o verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MailImportBenchmarkIT
 * -Dhelpdesk.bench=true} (add HELPDESK_TEST_DB_URL for PostgreSQL); the figure is printed.
 */
@EnabledIfSystemProperty(named = "helpdesk.bench", matches = "true")
// GreenMail answers SEARCH UNSEEN over 10,000 mails slowly on a busy machine: a generous read timeout; only
// the measured loop polls (no scheduler competing for the claim)
@TestPropertySource(properties = {"helpdesk.mail.timeout=PT120S", "helpdesk.mail.polling-enabled=false"})
class MailImportBenchmarkIT extends ApiTest {
    private static final int MAILS = Integer.getInteger("helpdesk.bench.mails", 10_000);

    @Autowired
    MailPoller poller;

    @Test
    void importsTenThousandMails() {
        HttpApi.Owner owner = api.newOwner();
        String support = MailTestServer.newSupportAddress();
        UUID mailbox = UUID.fromString(api.post("/api/settings/mailboxes?entityId=" + owner.entity())
                .session(owner.session()).json(disabled(MailTestServer.mailboxBody(support)))
                .send().json().get("id").stringValue());
        for (int i = 0; i < MAILS; i++) {
            MailTestServer.deliver(support, MailTestServer.mail("Sender " + i + " <sender" + i + "@customer.test>",
                    support, "Benchmark mail " + i, "Line one of mail " + i + "\nLine two.\n"));
        }
        assertThat(api.patch("/api/settings/mailboxes/" + mailbox + "?entityId=" + owner.entity())
                .session(owner.session()).json(Map.of("enabled", true)).send().status()).isEqualTo(200);

        long start = System.nanoTime();
        long deadline = System.nanoTime() + 900_000_000_000L;
        int left;
        while ((left = MailTestServer.unseen(support)) > 0 && System.nanoTime() < deadline) {
            System.out.printf("BENCH progress: %d imported after %.1f s%n", MAILS - left, (System.nanoTime() - start) / 1e9);
            poller.poll(owner.entityId(), mailbox);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long tickets = api.get("/api/helpdesk/tickets?limit=1").bearer(owner.apiKey()).send().status() == 200
                ? countTickets(owner) : -1;
        assertThat(tickets).isEqualTo(MAILS);
        System.out.printf("%nBENCH mail import: %d mails in %.1f s = %.0f mails/s (%s)%n%n", MAILS, seconds,
                MAILS / seconds, org.helpdesk.support.TestDatabase.postgres() ? "PostgreSQL" : "H2");
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
