package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.FakeTcpService;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.MailTestServer;
import org.junit.jupiter.api.Test;

/**
 * One entity cannot stall mail for the others (issue 28): 20 mailboxes whose servers accept and never answer do
 * not delay another entity's poll by more than its pollSeconds + 10 s. (An entity has at most 10 mailboxes, so the
 * 20 belong to two entities; the 11th of one is 409.)
 */
class MailPollingFairnessIT extends ApiTest {
    private static final int POLL_SECONDS = 5;

    private HttpApi.Response create(HttpApi.Owner owner, Map<String, Object> body) {
        return api.post("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session()).json(body)
                .send();
    }

    @Test
    void twentySilentMailServersDoNotDelayAnotherEntitysMail() throws Exception {
        List<String> cleanup = new ArrayList<>();
        List<HttpApi.Owner> slowOwners = List.of(api.newOwner(), api.newOwner());
        try (FakeTcpService silent = FakeTcpService.silent()) {
            for (HttpApi.Owner slow : slowOwners) {
                for (int i = 0; i < MailboxManagement.MAX_PER_ENTITY; i++) {
                    Map<String, Object> body = new HashMap<>(MailTestServer.mailboxBody(
                            MailTestServer.newSupportAddress()));
                    body.put("imapPort", silent.port());
                    body.put("smtpPort", silent.port());
                    HttpApi.Response r = create(slow, body);
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    cleanup.add("/api/settings/mailboxes/" + r.json().get("id").stringValue() + "?entityId="
                            + slow.entity());
                }
            }
            HttpApi.Response eleventh = create(slowOwners.get(0),
                    MailTestServer.mailboxBody(MailTestServer.newSupportAddress()));
            assertThat(eleventh.status()).isEqualTo(409);
            assertThat(eleventh.error()).contains("at most 10 mailboxes");

            HttpApi.Owner other = api.newOwner();
            String support = MailTestServer.newSupportAddress();
            assertThat(create(other, MailTestServer.mailboxBody(support)).status()).isEqualTo(201);
            // let the silent polls start and hold their connections
            long settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < settle) {
                Thread.sleep(100);
            }
            assertThat(silent.connections()).isGreaterThan(0);

            long start = System.nanoTime();
            MailTestServer.deliver(support, MailTestServer.mail("Pat <pat@customer.test>", support, "Help", "Hi"));
            long deadline = start + Duration.ofSeconds(POLL_SECONDS + 10 + 20).toNanos();
            boolean arrived = false;
            while (!arrived && System.nanoTime() < deadline) {
                arrived = api.get("/api/helpdesk/tickets").bearer(other.apiKey()).send().json().size() == 1;
                if (!arrived) {
                    Thread.sleep(100);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("MailPollingFairnessIT: with 20 silent mailboxes of two other entities, the mail"
                    + " became a ticket after %.1f s (pollSeconds %d)%n", seconds, POLL_SECONDS);
            assertThat(arrived).isTrue();
            assertThat(seconds).isLessThanOrEqualTo(POLL_SECONDS + 10);
        } finally {
            for (int i = 0; i < cleanup.size(); i++) {
                api.delete(cleanup.get(i)).session(slowOwners.get(i / MailboxManagement.MAX_PER_ENTITY).session())
                        .send();
            }
        }
    }
}
