package org.helpdesk.auth;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.helpdesk.common.Databases;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Where Bucket4j keeps token buckets: on PostgreSQL a table every app node shares (rate_limit_buckets), in
 * the embedded H2 mode (one node) memory. A bucket's row goes a minute after it would be full again.
 *
 * <p>On PostgreSQL the buckets have a small pool of their own: counting never waits for a connection that
 * requests need (nor the other way round), a busy or unreachable store answers within a second (the callers fall
 * back to per-node buckets), and its transactions commit without waiting for the WAL flush
 * ({@code synchronous_commit = off}): a crash may forget the last fraction of a second of counting, never data.
 */
@Component
class BucketStore {
    private final ProxyManager<String> buckets;
    private final boolean shared;
    private final HikariDataSource pool;

    BucketStore(DataSource dataSource, DataSourceProperties properties) {
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
        this.shared = Databases.isPostgres(dataSource);
        if (shared) {
            this.pool = pool(properties);
            this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    .expirationAfterWrite(expiry)
                    .build();
        } else {
            this.pool = null;
            this.buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(100_000))
                    .expirationAfterWrite(expiry)
                    .build();
        }
    }

    private static HikariDataSource pool(DataSourceProperties properties) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("limits");
        pool.setJdbcUrl(properties.determineUrl());
        pool.setUsername(properties.determineUsername());
        pool.setPassword(properties.determinePassword());
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(1000);
        pool.setValidationTimeout(500);
        pool.setInitializationFailTimeout(-1);   // a database that is not there yet must not stop the start
        pool.setConnectionInitSql("set synchronous_commit = off");
        return pool;
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.close();
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
