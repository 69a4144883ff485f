package org.helpdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.assertError;

import java.util.List;
import java.util.UUID;

import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.HttpApi.Session;
import org.helpdesk.support.LockedDownInstallTest;
import org.junit.jupiter.api.Test;

/** The per-key fair-use limit of API.md §3: over it, 429 with Retry-After; other keys are not affected. */
class RateLimitIT extends LockedDownInstallTest {

    @Test
    void requestsOverTheLimitOfAKeyAre429WithRetryAfter() {
        // Given a key of the bootstrap owner (signup is off in this install)
        Session owner = api.login(BOOTSTRAP_EMAIL, BOOTSTRAP_PASSWORD);
        UUID entity = entityOf(owner);
        String key = api.createKey(owner, entity, List.of("read:helpdesk"));

        // When it sends more requests than its budget
        Response last = null;
        int ok = 0;
        for (int i = 0; i < RATE_LIMIT + 5 && (last == null || last.status() != 429); i++) {
            last = api.get("/api/helpdesk/tickets").bearer(key).send();
            if (last.status() == 200) {
                ok++;
            }
        }

        // Then the budget is served, and the next request is refused with a time to retry
        assertThat(ok).isEqualTo(RATE_LIMIT);
        assertError(last, 429);
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void oneKeyOverItsLimitDoesNotStopAnotherKey() {
        // Given two keys, the first of which has used up its budget
        Session owner = api.login(BOOTSTRAP_EMAIL, BOOTSTRAP_PASSWORD);
        UUID entity = entityOf(owner);
        String spent = api.createKey(owner, entity, List.of("read:helpdesk"));
        String fresh = api.createKey(owner, entity, List.of("read:helpdesk"));
        for (int i = 0; i < RATE_LIMIT; i++) {
            api.get("/api/helpdesk/tickets").bearer(spent).send();
        }
        assertError(api.get("/api/helpdesk/tickets").bearer(spent).send(), 429);

        // When the other key calls
        Response r = api.get("/api/helpdesk/tickets").bearer(fresh).send();

        // Then it is served
        assertThat(r.status()).isEqualTo(200);
    }

    private UUID entityOf(Session session) {
        return UUID.fromString(api.get("/api/me").session(session).send().json()
                .get("memberships").get(0).get("entity").get("id").stringValue());
    }
}
