package org.helpdesk.support;

import org.helpdesk.HelpdeskApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole app on a random port, spoken to over real HTTP. The database is
 * H2 (in memory) or, when the system property {@code helpdesk.test.db=postgres} is set (the Failsafe
 * execution {@code it-postgres}), the PostgreSQL database at HELPDESK_TEST_DB_URL. All test classes share one
 * Spring context per database, so tests isolate themselves by creating their own users and entities.
 */
@SpringBootTest(classes = HelpdeskApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // lastUsedAt of API keys is written in batches; a short interval keeps the tests that wait for it fast
        properties = {"helpdesk.api-keys.last-used-flush=PT0.2S",
                // the email channel: a key for mailbox passwords, quick ticks and retries (see MailTestServer)
                "helpdesk.mail.secret=test-secret-of-the-email-channel", "helpdesk.mail.tick=PT0.2S",
                "helpdesk.mail.send-backoff=PT0.2S", "helpdesk.mail.send-attempts=3", "helpdesk.mail.timeout=PT15S"})
@Import(FreshSchema.class)
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    protected HttpApi api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.configure(registry);
    }

    @BeforeEach
    void setUpClient() {
        api = new HttpApi("http://localhost:" + port);
    }
}
