package org.helpdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.Test;

/**
 * The per-email limit holds under a flood (issue 28): parallel wrong-password sign-ins for one email let at most
 * the limit (plus one per node) reach a password check, on H2 and on PostgreSQL, whether the shared bucket store
 * answers in time or this node's own bucket decides. A check is a 401 (wrong password); 429 is refused before it,
 * 503 waited too long for a hashing turn.
 */
class LoginLimitUnderFloodIT extends ApiTest {
    private static final int PARALLEL = 40;
    private static final int LIMIT = 10; // helpdesk.login-limits.failures-per-email (default)

    @Test
    void parallelWrongPasswordsForOneEmailReachThePasswordCheckAtMostLimitTimes() throws Exception {
        HttpApi.Session victim = api.newUser("Victim");
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<?>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                sent.add(clients.submit(() -> {
                    int status = api.post("/api/auth/login")
                            .json(Map.of("email", victim.email(), "password", "wrong password")).send().status();
                    statuses.merge(status, 1, Integer::sum);
                }));
            }
            for (Future<?> f : sent) {
                f.get(120, TimeUnit.SECONDS); // bounded: each request has its own 30 s timeout as well
            }
        } finally {
            clients.shutdownNow();
        }

        System.out.println("LoginLimitUnderFloodIT: " + PARALLEL + " parallel wrong sign-ins for one email: "
                + new TreeMap<>(statuses));
        assertThat(statuses.keySet()).isSubsetOf(401, 429, 503);
        assertThat(statuses.getOrDefault(401, 0)).as("password checks").isLessThanOrEqualTo(LIMIT + 1);
        assertThat(statuses.getOrDefault(429, 0)).isGreaterThan(0);
        // and the right password is refused too while the limit holds
        assertThat(api.post("/api/auth/login").json(Map.of("email", victim.email(), "password", HttpApi.PASSWORD))
                .send().status()).isEqualTo(429);
    }
}
