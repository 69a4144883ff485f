package org.helpdesk.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The app's DataSource when a read replica is configured. Spring's {@link LazyConnectionDataSourceProxy} sends
 * read-only transactions to its read-only DataSource and everything else to the primary; that read-only
 * DataSource is a router that picks the standby only when it is reachable, at most {@code maxLag} behind, and
 * has replayed the current caller's last write (read-your-writes); otherwise the primary serves the read.
 *
 * <p>A background check (every {@code checkInterval}) samples the primary's WAL position and the standby's
 * replay position. The standby's lag in time is how long ago the primary was where the standby is now.
 */
public final class ReplicaRouting implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);
    static final String PRIMARY = "primary";
    static final String REPLICA = "replica";
    /** Marks a caller whose write is under way: its reads go to the primary until the write's position is known. */
    private static final long WRITING = Long.MAX_VALUE;
    /** Writes of requests with no authenticated caller (sign-up, login): every caller waits for them. */
    private static final String ANYONE = "";
    private static final String PRIMARY_LSN = "select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint";
    private static final String REPLAY_LSN = """
            select (case when pg_is_in_recovery() then coalesce(pg_last_wal_replay_lsn(), '0/0'::pg_lsn)
                    else pg_current_wal_lsn() end - '0/0'::pg_lsn)::bigint""";

    private final HikariDataSource primary;
    private final HikariDataSource replica;
    private final LazyConnectionDataSourceProxy dataSource;
    private final Duration maxLag;
    private final Cache<String, Long> lastWrites;
    private final ScheduledExecutorService checker;
    private final ArrayDeque<long[]> primarySamples = new ArrayDeque<>(); // {nanoTime, lsn}, oldest first
    private final Counter replicaReads;
    private final Counter primaryReads;
    private volatile boolean replicaUsable;
    private volatile long replicaLsn = -1;
    private volatile double lagSeconds = Double.NaN;

    ReplicaRouting(HikariDataSource primary, HikariDataSource replica, ReplicaProperties properties,
                   MeterRegistry meters) {
        this.primary = primary;
        this.replica = replica;
        this.maxLag = properties.maxLag();
        this.lastWrites = Caffeine.newBuilder().expireAfterWrite(properties.writeMemory()).build();
        this.replicaReads = Counter.builder("helpdesk.db.reads").tag("target", REPLICA)
                .description("Read-only transactions, by the database that served them").register(meters);
        this.primaryReads = Counter.builder("helpdesk.db.reads").tag("target", PRIMARY).register(meters);
        Gauge.builder("helpdesk.db.replica.lag", this, r -> r.lagSeconds).baseUnit("seconds")
                .description("How far the read replica is behind the primary (NaN: unreachable)").register(meters);

        var router = new Router();
        router.setTargetDataSources(Map.of(PRIMARY, primary, REPLICA, replica));
        router.setLenientFallback(false);
        router.afterPropertiesSet();
        this.dataSource = new LazyConnectionDataSourceProxy(primary);
        this.dataSource.setReadOnlyDataSource(router);
        this.dataSource.setDefaultAutoCommit(true);
        this.dataSource.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);

        this.checker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("replica-check").factory());
        long interval = properties.checkInterval().toMillis();
        checker.scheduleWithFixedDelay(this::check, 0, interval, TimeUnit.MILLISECONDS);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Whether read-only work may go to the standby now (also used by tests and the metrics). */
    boolean replicaUsable() {
        return replicaUsable;
    }

    /** A write by {@code caller} starts: until it is done, the caller's reads go to the primary. */
    void writeStarted(String caller) {
        lastWrites.put(key(caller), WRITING);
    }

    /** The write is done (committed or not): the caller's reads may use a standby once it replays this far. */
    void writeFinished(String caller) {
        String key = key(caller);
        try (Connection c = primary.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(PRIMARY_LSN)) {
            rs.next();
            lastWrites.put(key, rs.getLong(1));
        } catch (SQLException e) {
            // the primary is unreachable: keep the caller on the primary for the whole memory period
            lastWrites.put(key, WRITING);
        }
    }

    private static String key(String caller) {
        return caller == null ? ANYONE : caller;
    }

    /** The standby may serve the current caller's read-only transaction. */
    private boolean replicaFor(String caller) {
        if (!replicaUsable) {
            return false;
        }
        long replayed = replicaLsn;
        Long anyone = lastWrites.getIfPresent(ANYONE);
        if (anyone != null && anyone > replayed) {
            return false;
        }
        if (caller == null) {
            return true;
        }
        Long own = lastWrites.getIfPresent(caller);
        return own == null || own <= replayed;
    }

    private void check() {
        long now = System.nanoTime();
        try {
            long lsn = queryLsn(primary, PRIMARY_LSN);
            synchronized (primarySamples) {
                primarySamples.addLast(new long[] {now, lsn});
                long keep = maxLag.multipliedBy(2).toNanos();
                while (primarySamples.size() > 1 && now - primarySamples.peekFirst()[0] > keep) {
                    primarySamples.removeFirst();
                }
            }
        } catch (SQLException | RuntimeException e) {
            // without the primary's position the lag is unknown; the last samples still bound it
        }
        boolean wasUsable = replicaUsable;
        try {
            long replayed = queryLsn(replica, REPLAY_LSN);
            double lag = lagOf(replayed, System.nanoTime());
            replicaLsn = replayed;
            lagSeconds = lag;
            replicaUsable = lag <= maxLag.toNanos() / 1e9;
        } catch (SQLException | RuntimeException e) {
            replicaUsable = false;
            lagSeconds = Double.NaN;
        }
        if (wasUsable != replicaUsable) {
            log.warn("Read replica {}: lag {} s (limit {} s)", replicaUsable ? "in use again" : "skipped",
                    Double.isNaN(lagSeconds) ? "unknown (unreachable)" : String.format("%.3f", lagSeconds),
                    maxLag.toMillis() / 1000.0);
        }
    }

    /** Seconds since the primary was last at or behind {@code replayed}; infinite if not within the samples. */
    private double lagOf(long replayed, long now) {
        synchronized (primarySamples) {
            var newestFirst = primarySamples.descendingIterator();
            while (newestFirst.hasNext()) {
                long[] sample = newestFirst.next();
                if (sample[1] <= replayed) {
                    return sample == primarySamples.peekLast() ? 0 : (now - sample[0]) / 1e9;
                }
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static long queryLsn(DataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
        replica.close();
        primary.close();
    }

    /** Chooses per read-only connection; the current caller is the one {@link ReadYourWritesFilter} set. */
    private final class Router extends AbstractRoutingDataSource {
        @Override
        protected Object determineCurrentLookupKey() {
            boolean useReplica = replicaFor(ReadYourWritesFilter.currentCaller());
            (useReplica ? replicaReads : primaryReads).increment();
            return useReplica ? REPLICA : PRIMARY;
        }
    }
}
