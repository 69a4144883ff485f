package org.helpdesk.auth;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.helpdesk.common.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-key request budget (Bucket4j token bucket). On PostgreSQL the buckets live in a table, so every app node
 * shares them; the embedded H2 mode is one node, so the buckets live in memory there.
 */
@Component
class RateLimiter {
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration;
    private final boolean enabled;
    private final boolean shared;
    /** One proxy per key, so the optimisation below sees all of this node's requests of that key. */
    private final Cache<UUID, Bucket> proxies = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    RateLimiter(DataSource dataSource, @Value("${helpdesk.rate-limit.requests-per-minute:6000}") long perMinute) {
        this.enabled = perMinute > 0;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(Math.max(perMinute, 1)).refillGreedy(Math.max(perMinute, 1), Duration.ofMinutes(1)))
                .build();
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
        this.shared = Databases.isPostgres(dataSource);
        if (shared) {
            this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    .expirationAfterWrite(expiry)
                    .build();
        } else {
            this.buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(100_000))
                    .expirationAfterWrite(expiry)
                    .build();
        }
    }

    Decision tryConsume(UUID keyId) {
        if (!enabled) {
            return new Decision(true, 0);
        }
        ConsumptionProbe probe;
        try {
            probe = proxies.get(keyId, this::proxy).tryConsumeAndReturnRemaining(1);
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

    /**
     * On the shared store, a node syncs a key's bucket with PostgreSQL at most every 100 ms or 50 requests
     * instead of locking its row on every request: a limit can be overshot by that much per node, in exchange
     * for not serialising every request of a key on one row lock.
     */
    private Bucket proxy(UUID keyId) {
        var builder = buckets.builder();
        if (shared) {
            builder = builder.withOptimization(Optimizations.delaying(new DelayParameters(50, Duration.ofMillis(100))));
        }
        return builder.build(keyId.toString(), () -> configuration);
    }

}
