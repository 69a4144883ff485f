package org.helpdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.helpdesk.support.HttpApi;
import org.helpdesk.support.StandaloneApp;
import org.helpdesk.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The per-key limit with the shipped optimization on (a node settles a key's count with the shared bucket every
 * limit/100 requests or 250 ms): two nodes on one PostgreSQL database let a key through at most its budget, plus
 * what refilled meanwhile, plus the documented over-admission of limit/100 per node.
 */
class RateLimitAcrossNodesIT {
    private static final int PER_MINUTE = 1200;

    @Test
    void twoNodesTogetherAdmitAtMostTheBudgetPlusTheDocumentedBoundPerNode() throws InterruptedException {
        assumeTrue(TestDatabase.postgres(), "the buckets are shared only on PostgreSQL (H2 is one node)");
        String url = TestDatabase.properties().get("spring.datasource.url");
        Map<String, Object> limit = Map.of("helpdesk.rate-limit.requests-per-minute", PER_MINUTE);
        try (StandaloneApp a = StandaloneApp.start(url, limit); StandaloneApp b = StandaloneApp.start(url, limit)) {
            HttpApi[] nodes = {a.api(), b.api()};
            HttpApi.Owner owner = nodes[0].newOwner();
            nodes[0].get("/api/helpdesk/tickets").bearer(owner.apiKey()).send();   // the key's first request

            // twice the budget, from 8 clients spread over both nodes, as fast as they answer
            AtomicInteger next = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            long started = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                for (int c = 0; c < 8; c++) {
                    clients.submit(() -> {
                        for (int i = next.getAndIncrement(); i < 2 * PER_MINUTE; i = next.getAndIncrement()) {
                            int status = nodes[i % 2].get("/api/helpdesk/tickets?limit=1").bearer(owner.apiKey())
                                    .send().status();
                            (status == 200 ? ok : status == 429 ? refused : new AtomicInteger()).incrementAndGet();
                        }
                    });
                }
            } finally {
                clients.shutdown();
            }
            boolean finished = clients.awaitTermination(3, TimeUnit.MINUTES);
            clients.shutdownNow();   // bounded: clients still running after the wait are stopped, not left behind
            assertThat(finished).as("the clients finished").isTrue();
            double seconds = (System.nanoTime() - started) / 1e9;

            long refilled = (long) Math.ceil(PER_MINUTE * seconds / 60.0);
            long bound = 2 * RateLimiter.overAdmissionPerNode(PER_MINUTE);
            assertThat(RateLimiter.overAdmissionPerNode(PER_MINUTE)).isEqualTo(PER_MINUTE / 100);
            assertThat((long) ok.get() + 1).as("admitted in %.1f s (refilled %d, refused %d)", seconds, refilled,
                            refused.get())
                    .isLessThanOrEqualTo(PER_MINUTE + refilled + bound);
            assertThat(refused.get()).as("requests over the budget are refused (in %.1f s)", seconds).isPositive();
        }
    }
}
