package org.helpdesk.auth;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.helpdesk.common.Databases;
import org.springframework.stereotype.Component;

/**
 * Where Bucket4j keeps token buckets: on PostgreSQL a table every app node shares (rate_limit_buckets), in
 * the embedded H2 mode (one node) memory. A bucket's row goes a minute after it would be full again.
 */
@Component
class BucketStore {
    private final ProxyManager<String> buckets;
    private final boolean shared;

    BucketStore(DataSource dataSource) {
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

    ProxyManager<String> buckets() {
        return buckets;
    }

    /** Whether the buckets live in the database (shared by the nodes, and slow or unreachable at times). */
    boolean shared() {
        return shared;
    }

    /** Buckets in this node's memory: the per-node bound that always holds, and the fallback of the shared ones. */
    static ProxyManager<String> local() {
        return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(100_000))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
    }
}
