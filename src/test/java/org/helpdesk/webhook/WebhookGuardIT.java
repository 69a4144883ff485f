package org.helpdesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.HttpApi;
import org.helpdesk.support.LockedDownInstallTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator's default (private targets not allowed): loopback, private and plain-http URLs are refused. */
class WebhookGuardIT extends LockedDownInstallTest {
    private HttpApi.Session owner;
    private UUID entityId;

    @BeforeEach
    void signIn() {
        owner = api.login(BOOTSTRAP_EMAIL, BOOTSTRAP_PASSWORD);
        entityId = UUID.fromString(api.get("/api/me").session(owner).send().json()
                .get("memberships").get(0).get("entity").get("id").stringValue());
    }

    @Test
    void loopbackPrivateLinkLocalAndPlainHttpTargetsAre400() {
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost:8443/hook", "https://10.1.2.3/hook",
                "https://192.168.1.10/hook", "https://[::1]/hook", "https://169.254.169.254/latest",
                "http://93.184.215.14/hook")) {
            HttpApi.Response r = api.post("/api/settings/webhooks?entityId=" + entityId).session(owner)
                    .json(Map.of("url", url, "events", List.of("*"))).send();
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.error()).as(url).contains("url");
        }
        assertThat(api.get("/api/settings/webhooks?entityId=" + entityId).session(owner).send().json().size())
                .isZero();
    }
}
