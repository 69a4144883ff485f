package org.helpdesk.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

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
    private static final String PRIMARY_LSN = "select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint";
    private static final String REPLAY_LSN = """
            select (case when pg_is_in_recovery() then coalesce(pg_last_wal_replay_lsn(), '0/0'::pg_lsn)
                    else pg_current_wal_lsn() end - '0/0'::pg_lsn)::bigint""";

    private final HikariDataSource primary;
    private final HikariDataSource replica;
    private final LazyConnectionDataSourceProxy dataSource;
    private final ReplicaState state;
    private final Duration maxLag;
    private final ScheduledExecutorService checker;
    private final Counter replicaReads;
    private final Counter primaryReads;

    ReplicaRouting(HikariDataSource primary, HikariDataSource replica, ReplicaProperties properties,
                   MeterRegistry meters) {
        this.primary = primary;
        this.replica = replica;
        this.maxLag = properties.maxLag();
        this.state = new ReplicaState(properties.maxLag(), properties.writeMemory());
        this.replicaReads = Counter.builder("helpdesk.db.reads").tag("target", REPLICA)
                .description("Read-only transactions, by the database that served them").register(meters);
        this.primaryReads = Counter.builder("helpdesk.db.reads").tag("target", PRIMARY).register(meters);
        Gauge.builder("helpdesk.db.replica.lag", state, ReplicaState::lagSeconds).baseUnit("seconds")
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

    /** Whether read-only work may go to the standby now. */
    boolean replicaUsable() {
        return state.usable();
    }

    /** A write by {@code caller} starts: until it is done, the caller's reads go to the primary. */
    void writeStarted(String caller) {
        state.writeStarted(caller);
    }

    /** The write is done (committed or not): the caller's reads may use a standby once it replays this far. */
    void writeFinished(String caller) {
        long lsn;
        try {
            lsn = queryLsn(primary, PRIMARY_LSN);
        } catch (SQLException | RuntimeException e) {
            lsn = Long.MAX_VALUE; // the primary's position is unknown: the caller stays on the primary for a while
        }
        state.writeFinished(caller, lsn);
    }

    private void check() {
        try {
            state.primaryAt(System.nanoTime(), queryLsn(primary, PRIMARY_LSN));
        } catch (SQLException | RuntimeException e) {
            // without the primary's position now, the earlier samples still bound the lag
        }
        boolean wasUsable = state.usable();
        try {
            state.replicaAt(System.nanoTime(), queryLsn(replica, REPLAY_LSN));
        } catch (SQLException | RuntimeException e) {
            state.replicaDown();
        }
        if (wasUsable != state.usable()) {
            double lag = state.lagSeconds();
            log.warn("Read replica {}: lag {} (limit {} s)", state.usable() ? "in use again" : "skipped",
                    Double.isNaN(lag) ? "unknown (unreachable)" : String.format("%.3f s", lag),
                    maxLag.toMillis() / 1000.0);
        }
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

    /**
     * Chooses per read-only connection; the current caller is the one {@link ReadYourWritesFilter} set. A standby
     * that refuses the connection is skipped at once (until the next check finds it back), not reported.
     */
    private final class Router extends AbstractRoutingDataSource {
        @Override
        protected Object determineCurrentLookupKey() {
            return state.replicaFor(ReadYourWritesFilter.currentCaller()) ? REPLICA : PRIMARY;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (determineCurrentLookupKey() == REPLICA) {
                try {
                    Connection c = replica.getConnection();
                    replicaReads.increment();
                    return c;
                } catch (SQLException e) {
                    state.replicaDown();
                    log.warn("Read replica unreachable, reading from the primary: {}", e.getMessage());
                }
            }
            primaryReads.increment();
            return primary.getConnection();
        }
    }
}
