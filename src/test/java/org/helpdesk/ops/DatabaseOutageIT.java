package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.nio.file.Path;

import org.h2.tools.Server;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.StandaloneApp;
import org.helpdesk.support.TcpGate;
import org.helpdesk.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness follows the database: DOWN while it cannot be reached, UP again by itself when it can, while
 * liveness stays UP throughout (restarting the app would not bring the database back). The app reaches its
 * database through a {@link TcpGate} the test cuts and reopens.
 */
class DatabaseOutageIT {
    private Server h2;
    private TcpGate gate;
    private StandaloneApp app;

    @TempDir
    Path dir;

    @BeforeEach
    void startBehindGate() throws Exception {
        String url;
        if (TestDatabase.postgres()) {
            URI target = URI.create(TestDatabase.postgresUrl().substring("jdbc:".length()));
            gate = new TcpGate(target.getHost(), target.getPort() == -1 ? 5432 : target.getPort());
            url = "jdbc:postgresql://127.0.0.1:" + gate.port() + target.getPath()
                    + (target.getQuery() == null ? "" : "?" + target.getQuery());
        } else {
            // H2 served over TCP, as a separate database server would be (a file database: in-memory ones
            // served remotely misbehave after their connections are cut: H2 2.4 then reports its check constraints
            // "invalid"; a file database is closed with its last connection and reopened cleanly)
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
            gate = new TcpGate("127.0.0.1", h2.getPort());
            url = "jdbc:h2:tcp://127.0.0.1:" + gate.port() + "/outage"
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        app = StandaloneApp.start(url, Map.of("spring.datasource.hikari.connection-timeout", "2000"));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        gate.close();
        if (h2 != null) {
            h2.stop();
        }
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndUpAgainAfterLivenessStaysUp() throws Exception {
        HttpApi management = app.management();
        HttpApi api = app.api();
        assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(200);

        gate.cut();

        // probes a second apart, as a load balancer sends them (HikariCP skips its validity check on a connection
        // used less than 0.5 s before; H2's client reports a cut connection with a code the pool does not evict on)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(503);
            assertThat(api.get("/readyz").send().status()).isEqualTo(503);
        });
        HttpApi.Response down = management.get("/actuator/health/readiness").send();
        assertThat(down.json().get("status").stringValue()).isEqualTo("DOWN");
        assertThat(down.json().propertyNames()).doesNotContain("components", "details");
        assertThat(management.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(api.get("/livez").send().status()).isEqualTo(200);
        // an API call meanwhile says the database is unavailable, with the request id, and asks for a retry
        HttpApi.Response signup = api.post("/api/auth/signup").json(Map.of("email", HttpApi.uniqueEmail("outage"),
                "password", HttpApi.PASSWORD, "name", "During Outage", "entityName", "Outage Desk")).send();
        assertThat(signup.status()).isEqualTo(503);
        assertThat(signup.header("Retry-After")).isNotNull();

        gate.open();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(200));
        assertThat(api.get("/readyz").send().status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(api.post("/api/auth/signup").json(Map.of("email", HttpApi.uniqueEmail("after"),
                "password", HttpApi.PASSWORD, "name", "After Outage", "entityName", "Back Again")).send().status()).isEqualTo(201);
    }
}
