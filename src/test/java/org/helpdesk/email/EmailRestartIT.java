package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.HelpdeskApplication;
import org.helpdesk.support.FreshSchema;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.MailTestServer;
import org.helpdesk.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskExecutor;
import tools.jackson.databind.JsonNode;

/**
 * The server dies between the commit of an agent reply and its mail: two app instances, one after the other, on
 * one database. The first commits the reply but never runs the after-commit listener (its async executor drops
 * every task, as a JVM killed at that moment would); the second republishes the outstanding event at start-up
 * and sends the mail, exactly once.
 */
class EmailRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The first instance "dies" right after commit: after-commit listeners never run. */
    @TestConfiguration(proxyBeanMethods = false)
    static class KilledAfterCommit {
        @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
        TaskExecutor droppingExecutor() {
            return task -> { };
        }
    }

    private static ConfigurableApplicationContext start(String h2Name, boolean killedAfterCommit, boolean fresh) {
        List<Class<?>> sources = new ArrayList<>(List.of(HelpdeskApplication.class));
        if (killedAfterCommit) {
            sources.add(KilledAfterCommit.class);
        }
        if (fresh) {
            sources.add(FreshSchema.class);
        }
        List<String> props = new ArrayList<>(List.of("server.port=0", "management.server.port=0", "helpdesk.mail.secret=test-secret-of-the-email-channel",
                "helpdesk.mail.tick=PT0.2S", "helpdesk.mail.send-backoff=PT0.2S", "helpdesk.mail.timeout=PT3S",
                "helpdesk.mail.allow-private=true",
                "spring.modulith.events.republish-outstanding-events-on-restart=true",
                "spring.main.allow-bean-definition-overriding=true"));
        if (TestDatabase.postgres()) {
            // a schema of its own, so cleaning it leaves the shared test context's data alone
            String url = System.getenv("HELPDESK_TEST_DB_URL");
            props.add("spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=email_restart,public");
            props.add("spring.datasource.username=" + env("HELPDESK_TEST_DB_USER", "postgres"));
            props.add("spring.datasource.password=" + env("HELPDESK_TEST_DB_PASSWORD", ""));
            props.add("spring.flyway.schemas=email_restart");
            props.add("spring.flyway.default-schema=email_restart");
            props.add("spring.flyway.clean-disabled=false");
        } else {
            // a file database, as a restarted embedded install has (an in-memory one kept open across the two
            // instances trips H2 over check constraints compiled by the first instance's closed sessions)
            props.add("spring.datasource.url=jdbc:h2:file:" + h2Name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000");
            props.add("spring.datasource.username=sa");
            props.add("spring.datasource.password=");
        }
        // command-line arguments: they outrank application.yml (builder "properties" would not)
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(props.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aReplyCommittedJustBeforeACrashIsMailedOnceAfterTheRestart(@TempDir Path dir) throws Exception {
        String h2 = dir.resolve("helpdesk").toString();
        String support = MailTestServer.newSupportAddress();
        String contact = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
        HttpApi.Owner owner;
        String ticketId;
        String messageId;

        try (ConfigurableApplicationContext first = start(h2, true, true)) {
            HttpApi api = api(first);
            owner = api.newOwner();
            assertThat(api.post("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session())
                    .json(MailTestServer.mailboxBody(support)).send().status()).isEqualTo(201);
            MailTestServer.deliver(support, MailTestServer.mail("Pat <" + contact + ">", support, "Printer broken", "x"));
            await().atMost(WAIT).until(() -> tickets(api, owner).size() == 1);
            ticketId = tickets(api, owner).get(0).get("id").stringValue();

            HttpApi.Response reply = api.post("/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                    .json(Map.of("body", "Fixed it remotely")).send();
            assertThat(reply.status()).isEqualTo(201);
            messageId = reply.json().get("id").stringValue();
            assertThat(reply.json().get("delivery").stringValue()).isEqualTo("queued");

            Thread.sleep(1500);
            assertThat(MailTestServer.receivedBy(contact)).as("the first instance died before sending").isEmpty();
        }

        try (ConfigurableApplicationContext second = start(h2, false, false)) {
            HttpApi api = api(second);
            await().atMost(WAIT).until(() -> MailTestServer.receivedBy(contact).size() == 1);
            String t = ticketId;
            String m = messageId;
            await().atMost(WAIT).until(() -> "sent".equals(message(api, owner, t, m).get("delivery").stringValue()));
            assertThat(MailTestServer.receivedBy(contact).get(0).getMessageID()).isEqualTo("<" + messageId + "@acme.test>");
            Thread.sleep(1500);
            assertThat(MailTestServer.receivedBy(contact)).as("sent exactly once").hasSize(1);
        }
    }

    private static List<JsonNode> tickets(HttpApi api, HttpApi.Owner owner) {
        return api.get("/api/helpdesk/tickets").bearer(owner.apiKey()).send().json().valueStream().toList();
    }

    private static JsonNode message(HttpApi api, HttpApi.Owner owner, String ticketId, String messageId) {
        return api.get("/api/helpdesk/tickets/" + ticketId).bearer(owner.apiKey()).send().json().get("messages")
                .valueStream().filter(m -> m.get("id").stringValue().equals(messageId)).findFirst().orElseThrow();
    }

}
