package org.helpdesk.dbcopy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.body;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.helpdesk.HelpdeskApplication;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The move off the embedded database, end to end: data made through the API on an H2 file, the server
 * stopped, {@code copy-to-postgres} into a new PostgreSQL database, then the server started on PostgreSQL
 * serves the same tickets, messages and history, the old API key and browser session still work, and the next ticket
 * number follows the last one. Runs in the PostgreSQL test execution, on the database
 * HELPDESK_TEST_DB_URL names with {@code _copy} appended (dropped and created here; HELPDESK_TEST_COPY_DB_URL
 * overrides).
 */
@EnabledIfSystemProperty(named = "helpdesk.test.db", matches = "postgres")
class CopyToPostgresIT {
    private static String targetUrl;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void createEmptyTargetDatabase() throws SQLException {
        String testUrl = System.getenv("HELPDESK_TEST_DB_URL");
        targetUrl = env("HELPDESK_TEST_COPY_DB_URL", testUrl.replaceFirst("(/[^/?]+)(\\?.*)?$", "$1_copy$2"));
        String name = targetUrl.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection c = DriverManager.getConnection(testUrl, user(), password());
             var st = c.createStatement()) {
            st.execute("drop database if exists \"" + name + "\" with (force)");
            st.execute("create database \"" + name + "\"");
        }
    }

    @Test
    void dataMadeOnH2IsServedFromPostgresAfterTheCopyAndASecondCopyIsRefused() throws Exception {
        // Given an H2 installation with an owner, a member, a key, tickets, messages and a status change
        Map<String, JsonNode> tickets = new LinkedHashMap<>();
        Map<String, String> history = new LinkedHashMap<>();
        HttpApi.Owner owner;
        HttpApi.Session member;
        String h2Url = "jdbc:h2:file:" + dataDir.resolve("helpdesk")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (var h2 = start(h2Url, "sa", "")) {
            HttpApi api = api(h2);
            TicketApi ticketApi = new TicketApi(api);
            owner = api.newOwner();
            member = api.newMember(owner, "agent");
            for (int i = 1; i <= 3; i++) {
                JsonNode t = ticketApi.create(owner, body("subject", "Printer " + i, "priority", "high",
                        "contactEmail", "c" + i + "@example.com"));
                tickets.put(t.get("id").stringValue(), t);
            }
            String first = tickets.keySet().iterator().next();
            ticketApi.messaged(owner, first, body("body", "We are on it."));
            ticketApi.messaged(owner, first, body("body", "Internal note", "isInternal", true));
            ticketApi.patched(owner, first, body("status", "pending", "assignedTo", member.userId().toString()));
            for (String id : tickets.keySet()) {
                tickets.put(id, ticketApi.get(owner, id));
                history.put(id, events(api, owner, id));
            }
        }
        Map<String, Long> h2Counts = counts(h2Url, "sa", "");

        // When the stopped H2 database is copied into the empty PostgreSQL database
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int rc = CopyToPostgres.run(new String[] {"--from-data-dir", dataDir.toString(), "--to", targetUrl,
                "--to-user", user()}, env(), print(out), print(err));

        // Then it reports success, and every table has H2's row count
        assertThat(rc).as("stdout %s\nstderr %s", out, err).isEqualTo(CopyToPostgres.OK);
        assertThat(out.toString()).contains("row counts verified");
        Map<String, Long> pgCounts = counts(targetUrl, user(), password());
        assertThat(pgCounts).containsAllEntriesOf(h2Counts);
        assertThat(h2Counts).containsEntry("tickets", 3L).containsEntry("messages", 2L);
        assertThat(h2Counts.get("ticket_events")).as("history rows").isGreaterThanOrEqualTo(4L);

        // And the server on PostgreSQL serves the same data to the same key and session, numbering on
        try (var pg = start(targetUrl, user(), password())) {
            HttpApi api = api(pg);
            TicketApi ticketApi = new TicketApi(api);
            for (var t : tickets.entrySet()) {
                assertThat(ticketApi.get(owner, t.getKey())).isEqualTo(t.getValue());
                assertThat(events(api, owner, t.getKey())).isEqualTo(history.get(t.getKey()));
            }
            assertThat(history.values().iterator().next()).as("the first ticket's history")
                    .contains("\"created\"").contains("pending");
            HttpApi.Response me = api.get("/api/me").session(member).send();
            assertThat(me.status()).as("the agent's browser session survives the move: %s", me.body()).isEqualTo(200);
            JsonNode next = ticketApi.create(owner, "After the move");
            assertThat(tickets.values()).extracting(t -> t.get("ticketNumber").stringValue())
                    .containsExactly("HD-1", "HD-2", "HD-3");
            assertThat(next.get("ticketNumber").stringValue()).isEqualTo("HD-4");
            assertThat(TicketApi.ids(ticketApi.list(owner, ""))).hasSize(4);
        }

        // And a second copy into the now non-empty database is refused, leaving it as it was
        var err2 = new ByteArrayOutputStream();
        int again = CopyToPostgres.run(new String[] {"--from-data-dir", dataDir.toString(), "--to", targetUrl,
                "--to-user", user()}, env(), print(new ByteArrayOutputStream()), print(err2));
        assertThat(again).isEqualTo(CopyToPostgres.FAILED);
        assertThat(err2.toString()).contains("refused").contains("not empty");
        assertThat(counts(targetUrl, user(), password())).containsEntry("tickets", 4L);
    }

    @Test
    void aMissingH2DatabaseIsAUsageErrorAndTouchesNothing() {
        var err = new ByteArrayOutputStream();
        int rc = CopyToPostgres.run(new String[] {"--from-data-dir", dataDir.resolve("nowhere").toString(),
                "--to", targetUrl}, env(), print(new ByteArrayOutputStream()), print(err));
        assertThat(rc).isEqualTo(CopyToPostgres.USAGE);
        assertThat(err.toString()).contains("no H2 database at");
    }

    private static ConfigurableApplicationContext start(String url, String user, String password) {
        // arguments, not default properties: they must win over application.yml
        return new SpringApplicationBuilder(HelpdeskApplication.class).run("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--server.port=0", "--management.server.port=0", "--helpdesk.rate-limit.requests-per-minute=0",
                // a small pool: the PostgreSQL server is shared with the other test contexts of the run
                "--spring.datasource.hikari.maximum-pool-size=4");
    }

    /** The ticket's history (API §5) as its JSON text. */
    private static String events(HttpApi api, HttpApi.Owner owner, String ticketId) {
        HttpApi.Response r = api.get("/api/helpdesk/tickets/" + ticketId + "/events").bearer(owner.apiKey()).send();
        assertThat(r.status()).as("history: %s", r.body()).isEqualTo(200);
        return r.body();
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new HttpApi("http://localhost:" + port);
    }

    /** Rows per table, Flyway's history aside (its rows differ by vendor). */
    private static Map<String, Long> counts(String url, String user, String password) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (String table : DatabaseCopy.tables(c)) {
                if (!table.equals(DatabaseCopy.SCHEMA_HISTORY)) {
                    counts.put(table, DatabaseCopy.count(c, table));
                }
            }
        }
        return counts;
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HELPDESK_DB_PASSWORD", password());
        return env;
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String user() {
        return env("HELPDESK_TEST_DB_USER", "postgres");
    }

    private static String password() {
        return env("HELPDESK_TEST_DB_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
