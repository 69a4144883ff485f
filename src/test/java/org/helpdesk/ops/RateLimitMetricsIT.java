package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.helpdesk.support.HttpApi;
import org.helpdesk.support.LockedDownInstallTest;
import org.helpdesk.support.Prometheus;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/** Requests refused by the per-key rate limit are counted, and named by their route in the HTTP metrics. */
class RateLimitMetricsIT extends LockedDownInstallTest {

    @Test
    void requestsOverTheKeysLimitAreCountedAsRateLimited() {
        HttpApi.Session owner = api.login(BOOTSTRAP_EMAIL, BOOTSTRAP_PASSWORD);
        UUID entityId = UUID.fromString(api.get("/api/me").session(owner).send().json()
                .get("memberships").get(0).get("entity").get("id").stringValue());
        String key = api.createKey(owner, entityId, List.of("read:helpdesk"));
        double before = scrape().sum("helpdesk_requests_rate_limited_total");

        int refused = 0;
        for (int i = 0; i < RATE_LIMIT + 3; i++) {
            if (api.get(TicketApi.TICKETS).bearer(key).send().status() == 429) {
                refused++;
            }
        }
        Prometheus after = scrape();

        assertThat(refused).isPositive(); // the budget refills slowly meanwhile, so not exactly 3
        assertThat(after.sum("helpdesk_requests_rate_limited_total") - before).isEqualTo(refused);
        assertThat(after.has("http_server_requests_seconds_count", "uri=\"/api/helpdesk/tickets\"", "status=\"429\""))
                .isTrue();
    }

    private Prometheus scrape() {
        return new Prometheus(management.get("/actuator/prometheus").send().body());
    }
}
