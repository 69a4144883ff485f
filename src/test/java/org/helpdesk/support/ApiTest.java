package org.helpdesk.support;

import org.helpdesk.HelpdeskApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of every integration test: the whole app on a random port, spoken to over real HTTP. The database is
 * H2 (in memory) or, when the system property {@code helpdesk.test.db=postgres} is set (the Failsafe
 * execution {@code it-postgres}), the PostgreSQL database at HELPDESK_TEST_DB_URL. All test classes share one
 * Spring context per database, so tests isolate themselves by creating their own users and entities.
 */
@SpringBootTest(classes = HelpdeskApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // lastUsedAt of API keys is written in batches; a short interval keeps the tests that wait for it fast
        properties = {"helpdesk.api-keys.last-used-flush=PT0.2S",
                // actuator on its own random port (on loopback, as in production)
                "management.server.port=0",
                // connections are opened when needed: several test contexts share one PostgreSQL (100 at most)
                "spring.datasource.hikari.minimum-idle=2",
                // the email channel: a key for mailbox passwords, quick ticks and retries (see MailTestServer)
                "helpdesk.mail.secret=test-secret-of-the-email-channel", "helpdesk.mail.tick=PT0.2S",
                "helpdesk.mail.send-backoff=PT0.2S", "helpdesk.mail.send-attempts=3", "helpdesk.mail.timeout=PT15S",
                // SLA breaches are swept quickly (SlaBreachIT)
                "helpdesk.sla.sweep-interval=PT0.3S",
                // attachments' bytes in the build folder, not the working copy's data folder
                "helpdesk.attachments.dir=target/test-attachments"})
@Import(FreshSchema.class)
// every test signs up users from 127.0.0.1: the per-address limits are tested in HardenedInstallTest's context
// GreenMail listens on loopback: the test install allows private mail hosts (and security none); the hardened
// install (HardenedInstallTest) does not, as in production
// The test client on 127.0.0.1 plays a trusted reverse proxy (X-Forwarded-*); any other peer is not trusted.
@TestPropertySource(properties = {
        "helpdesk.mail.allow-private=true",
        "helpdesk.trusted-proxies=127.0.0.1/32",
        "helpdesk.login-limits.signups-per-address=1000000",
        "helpdesk.login-limits.failures-per-address=1000000",
        // webhooks: receivers on loopback, quick ticks and retries, disabling after 2 s of failures (WebhooksIT)
        "helpdesk.webhooks.allow-private=true", "helpdesk.webhooks.tick=PT0.2S",
        "helpdesk.webhooks.retry-schedule=300ms,500ms,1s,1s", "helpdesk.webhooks.disable-after=PT2S"})
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    protected HttpApi api;

    /** The actuator port (health, probes, metrics). */
    protected HttpApi management;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.configure(registry);
    }

    @BeforeEach
    void setUpClient() {
        api = new HttpApi("http://localhost:" + port);
        management = new HttpApi("http://127.0.0.1:" + managementPort);
    }
}
