package org.helpdesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The "Webhooks" settings tab, over HTTP: create with the secret shown once, send test, the delivery log. */
class WebhookPagesIT extends ApiTest {
    private HttpApi.Owner owner;
    private Receiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        owner = api.newOwner();
        receiver = new Receiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void anAdminCreatesAWebhookSeesItsSecretOnceAndReadsItsDeliveries() throws Exception {
        String page = "/e/" + owner.entity() + "/settings/webhooks";

        HttpApi.Response empty = api.get(page).session(owner.session()).header("Accept", "text/html").send();
        HttpApi.Response created = api.post(page).session(owner.session()).header("Accept", "text/html")
                .raw("url=" + URLEncoder.encode(receiver.url(), StandardCharsets.UTF_8) + "&events=ticket.created",
                        "application/x-www-form-urlencoded").send();
        HttpApi.Response again = api.get(page).session(owner.session()).header("Accept", "text/html").send();

        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("Webhook URL", "Create webhook", ">Webhooks<", "ticket.created",
                "sla.breached", "No webhooks yet");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("whsec_", "it will not be shown again", "Deliveries", "Rotate secret",
                "Send test");
        assertThat(again.body()).doesNotContain("whsec_");

        String id = api.get("/api/settings/webhooks?entityId=" + owner.entity()).session(owner.session()).send()
                .json().get(0).get("id").stringValue();
        api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).json(Map.of("subject", "Shown in the log")).send();
        receiver.next();
        HttpApi.Response test = api.post(page + "/" + id + "/test").session(owner.session())
                .header("Accept", "text/html").raw("", "application/x-www-form-urlencoded").send();
        assertThat(test.status()).isEqualTo(302);
        String log = "";
        for (int i = 0; i < 50 && !log.contains("delivered"); i++) {
            log = api.get(page + "/" + id + "/deliveries").session(owner.session()).header("Accept", "text/html")
                    .send().body();
            Thread.sleep(100);
        }
        assertThat(log).contains("ticket.created", "delivered", "Response code", "200", "Redeliver");
    }

    @Test
    void aBadUrlIsShownNextToTheFieldAndCreatesNothing() {
        String page = "/e/" + owner.entity() + "/settings/webhooks";

        HttpApi.Response r = api.post(page).session(owner.session()).header("Accept", "text/html")
                .raw("url=ftp%3A%2F%2Fexample.com&events=ticket.created", "application/x-www-form-urlencoded").send();

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("url-error");
        assertThat(api.get("/api/settings/webhooks?entityId=" + owner.entity()).session(owner.session()).send()
                .json().size()).isZero();
    }

    @Test
    void anAgentGets403() {
        HttpApi.Session agent = api.newMember(owner, "agent");

        assertThat(api.get("/e/" + owner.entity() + "/settings/webhooks").session(agent)
                .header("Accept", "text/html").send().status()).isEqualTo(403);
    }
}
