package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.helpdesk.HelpdeskApplication;
import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * The outbox: a ticket event reaches an after-commit listener at least once, also when the listener failed in
 * an app that then went away. Two more apps run here on the suite's database: the first one's listener fails,
 * the second one, started afterwards, gets the event again from the publication registry.
 */
class OutboxIT extends ApiTest {
    static final Queue<TicketEvent> RECEIVED = new ConcurrentLinkedQueue<>();

    /** An after-commit listener such as email or webhooks will be; fails while helpdesk.test.outbox-fail is true. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Probe {
        @Bean
        ProbeListener outboxProbe(@Value("${helpdesk.test.outbox-fail:false}") boolean fail) {
            return new ProbeListener(fail);
        }
    }

    static class ProbeListener {
        private final boolean fail;

        ProbeListener(boolean fail) {
            this.fail = fail;
        }

        @ApplicationModuleListener
        void on(TicketEvent event) {
            if (fail) {
                throw new IllegalStateException("probe listener down (as in a crash before it finished)");
            }
            RECEIVED.add(event);
        }
    }

    private static ConfigurableApplicationContext start(boolean fail) {
        Map<String, Object> props = new HashMap<>(TestDatabase.properties());
        props.put("server.port", "0");
        props.put("management.server.port", "0");
        props.put("helpdesk.test.outbox-fail", Boolean.toString(fail));
        props.put("spring.main.banner-mode", "off");
        // as command-line arguments: they win over application.yml (default properties would not)
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(HelpdeskApplication.class, Probe.class).run(args);
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @Test
    void anEventWhoseListenerFailedIsDeliveredByTheNextAppToStart() throws Exception {
        String ticketId;
        String listenerOutstanding;
        try (ConfigurableApplicationContext first = start(true)) {
            HttpApi firstApi = new HttpApi("http://localhost:" + port(first));
            HttpApi.Owner owner = firstApi.newOwner();
            HttpApi.Response created = firstApi.post("/api/helpdesk/tickets").bearer(owner.apiKey())
                    .json(Map.of("subject", "Outbox " + System.nanoTime())).send();
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ticketId = created.json().get("id").stringValue();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            listenerOutstanding = "select count(*) from event_publication where completion_date is null"
                    + " and listener_id like '%ProbeListener%' and serialized_event like '%" + ticketId + "%'";
            long outstanding = waitFor(() -> jdbc.sql(listenerOutstanding).query(Long.class).single(), n -> n > 0);
            assertThat(outstanding).as("publications of the failed listener kept").isEqualTo(1);
        }
        assertThat(RECEIVED).noneMatch(e -> e.ticketId().toString().equals(ticketId));

        try (ConfigurableApplicationContext second = start(false)) {
            waitFor(() -> RECEIVED.stream().anyMatch(e -> e.ticketId().toString().equals(ticketId)), b -> b);
            TicketEvent event = RECEIVED.stream().filter(e -> e.ticketId().toString().equals(ticketId)).findFirst()
                    .orElseThrow();
            assertThat(event.type()).isEqualTo(EventType.CREATED);
            assertThat(event.actorType()).isEqualTo(AuthorType.AGENT);
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            long left = waitFor(() -> jdbc.sql(listenerOutstanding).query(Long.class).single(), n -> n == 0);
            assertThat(left).as("the publication is complete once handled").isZero();
        }
    }

    private static <T> T waitFor(java.util.function.Supplier<T> value, java.util.function.Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T current = value.get();
        while (!done.test(current) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            current = value.get();
        }
        return current;
    }
}
