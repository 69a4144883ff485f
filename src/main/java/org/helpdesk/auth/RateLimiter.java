package org.helpdesk.auth;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;


import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.helpdesk.common.HelpdeskSettings;
import org.springframework.stereotype.Component;

/**
 * Per-key request budget (Bucket4j token bucket). On PostgreSQL the buckets live in a table, so every app node
 * shares them; the embedded H2 mode is one node, so the buckets live in memory there.
 *
 * <p>With a budget of at least {@value #DELAY_FROM} a minute (the default is 6,000) a node counts a key's requests
 * in memory and settles them with the shared bucket once {@code limit / 100} requests or {@value #SYNC_MILLIS} ms
 * have gone by (Bucket4j's delaying optimization): a request no longer waits for a database transaction, and a
 * key gets at most 1 % of its budget more per node than it should (docs/security.md). Smaller budgets are
 * counted exactly, every request in the store.
 */
@Component
class RateLimiter {
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    static final long DELAY_FROM = 600;
    static final long SYNC_MILLIS = 250;

    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;
    private final boolean enabled;
    private final Optimization optimization;
    /**
     * One proxy per key, kept: with batching, requests of one key that arrive while its bucket is being
     * updated are combined into one database transaction. Without it every request was its own
     * SELECT ... FOR UPDATE / UPDATE / COMMIT on the key's row, so all requests of a key queued behind one row
     * lock held across a commit (WAL flush): about 250 requests/s per key in total, whatever the limit.
     */
    private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    RateLimiter(BucketStore store, HelpdeskSettings settings) {
        long perMinute = settings.rateLimit().requestsPerMinute();
        this.enabled = perMinute > 0;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(Math.max(perMinute, 1)).refillGreedy(Math.max(perMinute, 1), Duration.ofMinutes(1)))
                .build();
        this.buckets = store.buckets();
        this.optimization = perMinute >= DELAY_FROM
                ? Optimizations.delaying(new DelayParameters(overAdmissionPerNode(perMinute), Duration.ofMillis(SYNC_MILLIS)))
                : Optimizations.batching();
    }

    /** How many requests of one key a node may let through beyond the budget before it learns of the others'. */
    static long overAdmissionPerNode(long perMinute) {
        return perMinute >= DELAY_FROM ? perMinute / 100 : 0;
    }

    Decision tryConsume(UUID keyId) {
        if (!enabled) {
            return new Decision(true, 0);
        }
        ConsumptionProbe probe;
        try {
            probe = consume(keyId.toString());
        } catch (RuntimeException e) {
            // The limit protects the service; it must not take the service down when its store is unreachable.
            log.warn("Rate limit store unavailable; letting the request through: {}", e.toString());
            return new Decision(true, 0);
        }
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Decision(false, seconds);
    }

    private ConsumptionProbe consume(String id) {
        try {
            return proxies.get(id, key -> buckets.builder()
                    .withOptimization(optimization).build(key, () -> configuration))
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            if (!bucketMissing(e)) {
                throw e;
            }
            // A batch that reaches a bucket not (or no longer) in the table fails as a whole instead of creating
            // it (bucket4j 8.14); the plain proxy creates it, and later batches find it.
            return buckets.getProxy(id, () -> configuration).tryConsumeAndReturnRemaining(1);
        }
    }

    private static boolean bucketMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

}
