package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.helpdesk.support.StandaloneApp;
import org.helpdesk.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Schema migrations when several nodes share one database: nodes starting at once run each migration exactly
 * once (Flyway takes a PostgreSQL advisory lock), and a node older than the schema refuses to start.
 * Each test works on a fresh schema (PostgreSQL) or a fresh in-memory database (H2) of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemaMigrationIT {

    @Test
    void twoNodesStartingAtOnceOnAFreshDatabaseRunEachMigrationOnce(CapturedOutput output) throws Exception {
        assumeTrue(TestDatabase.postgres(), "several nodes share a PostgreSQL database; the embedded H2 mode is one node");
        String schema = "race_" + UUID.randomUUID().toString().substring(0, 8);
        String url = inSchema(schema);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<StandaloneApp> nodes = new ArrayList<>();
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<StandaloneApp>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(pool.submit(() -> {
                    together.await();
                    return StandaloneApp.start(url, Map.of("spring.flyway.schemas", schema,
                            "spring.flyway.default-schema", schema));
                }));
            }
            for (Future<StandaloneApp> start : starts) {
                nodes.add(start.get(180, TimeUnit.SECONDS));
            }

            for (StandaloneApp node : nodes) {
                assertThat(node.api().get("/readyz").send().status()).isEqualTo(200);
            }
            Map<String, Integer> runs = new HashMap<>();
            try (Connection c = connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select version, count(*) from " + schema
                         + ".flyway_schema_history where version is not null group by version")) {
                while (rs.next()) {
                    runs.put(rs.getString(1), rs.getInt(2));
                }
            }
            assertThat(runs).isNotEmpty().containsKeys("1", "2", "3").allSatisfy((version, count) ->
                    assertThat(count).as("runs of migration " + version).isEqualTo(1));
            // one node migrated, the other waited for the lock and then found nothing to do (distinct messages:
            // two apps starting in one JVM may both attach a console appender, each with its own line prefix, so
            // the same event can show twice)
            assertThat(messages(output, "Successfully applied", schema)).hasSize(1);
            assertThat(messages(output, "is up to date. No migration necessary", schema)).hasSize(1);
        } finally {
            nodes.forEach(StandaloneApp::close);
            pool.shutdownNow();
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Test
    void aNodeFindingANewerSchemaThanItKnowsRefusesToStartAndSaysWhy(CapturedOutput output) throws Exception {
        String schema = "newer_" + UUID.randomUUID().toString().substring(0, 8);
        String url = TestDatabase.postgres() ? inSchema(schema)
                : "jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        String vendor = TestDatabase.postgres() ? "postgresql" : "h2";
        String user = TestDatabase.postgres() ? TestDatabase.user() : "sa";
        String password = TestDatabase.postgres() ? TestDatabase.password() : "";
        Flyway upgraded = Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .schemas(TestDatabase.postgres() ? new String[] {schema} : new String[0])
                .load();
        try {
            // Given a database a newer release has migrated: its history names a version this build lacks
            upgraded.migrate();
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.executeUpdate("""
                        insert into flyway_schema_history (installed_rank, version, description, type, script,
                                                           checksum, installed_by, execution_time, success)
                        select max(installed_rank) + 1, '999', 'from a newer release', 'SQL',
                               'V999__from_a_newer_release.sql', 0, 'newer node', 1, true
                        from flyway_schema_history""");
            }

            // When this release starts on it, Then it refuses, and the failure analysis says what to do
            assertThatThrownBy(() -> StandaloneApp.start(url, TestDatabase.postgres()
                    ? Map.of("spring.flyway.schemas", schema, "spring.flyway.default-schema", schema) : Map.of()))
                    .hasRootCauseInstanceOf(FlywayValidateException.class);
            assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                    .contains("The database schema is newer than this release of Helpdesk")
                    .contains("[999]")
                    .contains("Start this node from the same release as the nodes that upgraded the database");
        } finally {
            if (TestDatabase.postgres()) {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("drop schema if exists " + schema + " cascade");
                }
            } else {
                try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                    s.execute("shutdown");
                }
            }
        }
    }

    /** The test database, with this schema first on the search path (public second: pg_trgm lives there). */
    private static String inSchema(String schema) {
        String base = TestDatabase.postgresUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabase.postgresUrl(), TestDatabase.user(), TestDatabase.password());
    }

    /** Flyway's log messages containing {@code text} about {@code schema}, each counted once whatever the prefix. */
    private static List<String> messages(CapturedOutput output, String text, String schema) {
        return output.getOut().lines().filter(l -> l.contains(text) && l.contains(schema))
                .map(l -> l.substring(l.indexOf(text)))
                .distinct().toList();
    }
}
