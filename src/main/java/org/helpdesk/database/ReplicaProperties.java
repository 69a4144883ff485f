package org.helpdesk.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The optional read replica ({@code helpdesk.db.replica.*}). Without a URL every statement goes to the primary.
 *
 * @param url           JDBC URL of a PostgreSQL standby, e.g. {@code jdbc:postgresql://h2:5432/helpdesk}
 * @param maxLag        a standby further behind the primary than this is skipped
 * @param checkInterval how often the standby's replay position and reachability are checked
 * @param poolSize      connections to the standby (per node)
 */
@ConfigurationProperties("helpdesk.db.replica")
public record ReplicaProperties(String url, Duration maxLag, Duration checkInterval, int poolSize) {
    public ReplicaProperties {
        maxLag = maxLag != null ? maxLag : Duration.ofSeconds(5);
        checkInterval = checkInterval != null ? checkInterval : Duration.ofMillis(200);
        poolSize = poolSize > 0 ? poolSize : 10;
        if (maxLag.compareTo(Duration.ofMillis(100)) < 0 || maxLag.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("helpdesk.db.replica.max-lag (HELPDESK_DB_REPLICA_MAX_LAG) must be "
                    + "between 100ms and 1h, not " + maxLag);
        }
        if (checkInterval.compareTo(Duration.ofMillis(10)) < 0 || checkInterval.compareTo(maxLag) >= 0) {
            throw new IllegalArgumentException("helpdesk.db.replica.check-interval must be at least 10ms and less "
                    + "than max-lag (" + maxLag + "), not " + checkInterval);
        }
    }

    /**
     * How long a caller's write is remembered: once it is older than this, any standby within maxLag has
     * replayed it (the standby has replayed everything the primary had maxLag ago, plus one check of slack).
     */
    Duration writeMemory() {
        return maxLag.plus(checkInterval.multipliedBy(2)).plusSeconds(1);
    }
}
