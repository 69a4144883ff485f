package org.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.sla.SlaApi.at;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.StandaloneApp;
import org.helpdesk.support.TestDatabase;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The breach sweeper (API §11): a due time that passes unmet is recorded at the due time, with one {@code updated}
 * event by the system, also while two app nodes sweep the same database.
 */
class SlaBreachIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    /** Moves a ticket's creation and its stored SLA times back, as if it had been waiting that long. */
    private void moveBack(HttpApi.Owner owner, String ticketId, Duration by) {
        SlaApi.moveBack(jdbc, owner.entityId(), ticketId, by, List.of("created_at", "sla_first_response_due_at",
                "sla_resolution_due_at", "sla_due_at", "sla_breach_check_at"));
    }

    private List<JsonNode> breachEvents(HttpApi.Owner owner, String ticketId, String field) {
        JsonNode events = api.get(TicketApi.TICKETS + "/" + ticketId + "/events").bearer(owner.apiKey()).send().json();
        List<JsonNode> out = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("changes").has(field)) {
                out.add(e);
            }
        });
        return out;
    }

    private JsonNode awaitBreach(TicketApi tickets, HttpApi.Owner owner, String id, String field)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode t = tickets.get(owner, id);
        while (t.get("sla").get(field).isNull() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            t = tickets.get(owner, id);
        }
        return t;
    }

    @Test
    void aPassedDueTimeIsRecordedAsBreachedAtTheDueTimeWithASystemEvent() throws Exception {
        SlaApi sla = new SlaApi(api);
        TicketApi tickets = new TicketApi(api);
        HttpApi.Owner owner = api.newOwner();
        sla.roundTheClock(owner, 30, 60);
        JsonNode t = tickets.create(owner, "Nobody answers");
        String id = t.get("id").stringValue();
        Instant firstDue = at(t.get("sla"), "firstResponseDueAt").minus(Duration.ofMinutes(45));
        Instant resolutionDue = at(t.get("sla"), "resolutionDueAt").minus(Duration.ofMinutes(45));

        moveBack(owner, id, Duration.ofMinutes(45));

        JsonNode breached = awaitBreach(tickets, owner, id, "firstResponseBreachedAt");
        assertThat(at(breached.get("sla"), "firstResponseBreachedAt")).isEqualTo(firstDue);
        assertThat(breached.get("sla").get("resolutionBreachedAt").isNull()).as("not due yet").isTrue();
        List<JsonNode> events = breachEvents(owner, id, "firstResponseBreachedAt");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("actorType").stringValue()).isEqualTo("system");
        assertThat(events.get(0).get("type").stringValue()).isEqualTo("updated");
        assertThat(tickets.listIds(owner, "sla=breached")).containsExactly(id);

        // a quarter of an hour later the resolution is overdue too
        moveBack(owner, id, Duration.ofMinutes(16));
        JsonNode both = awaitBreach(tickets, owner, id, "resolutionBreachedAt");
        assertThat(at(both.get("sla"), "resolutionBreachedAt")).isEqualTo(resolutionDue.minus(Duration.ofMinutes(16)));
        assertThat(breachEvents(owner, id, "resolutionBreachedAt")).hasSize(1);
        assertThat(breachEvents(owner, id, "firstResponseBreachedAt")).hasSize(1);

        // answered and resolved: no longer in the breached view; the recorded breaches stay
        tickets.messaged(owner, id, Map.of("body", "On it"));
        JsonNode solved = tickets.patched(owner, id, Map.of("status", "resolved"));
        assertThat(solved.get("sla").get("firstResponseBreachedAt").isNull()).isFalse();
        assertThat(tickets.listIds(owner, "sla=breached")).isEmpty();
        assertThat(tickets.listIds(owner, "sla=due")).isEmpty();
    }

    @Test
    void withTwoNodesSweepingEachBreachIsRecordedOnce() throws Exception {
        String url = TestDatabase.properties().get("spring.datasource.url");
        try (StandaloneApp second = StandaloneApp.start(url, Map.of("helpdesk.sla.sweep-interval", "PT0.1S"))) {
            HttpApi other = second.api();
            SlaApi sla = new SlaApi(other);
            TicketApi tickets = new TicketApi(other);
            HttpApi.Owner owner = other.newOwner();
            sla.roundTheClock(owner, 30, 600);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(tickets.create(owner, "Race " + i).get("id").stringValue());
            }
            for (String id : ids) {
                moveBack(owner, id, Duration.ofMinutes(31));
            }

            for (String id : ids) {
                JsonNode t = awaitBreach(tickets, owner, id, "firstResponseBreachedAt");
                assertThat(t.get("sla").get("firstResponseBreachedAt").isNull()).as("breach of %s", id).isFalse();
            }
            Thread.sleep(1000); // both nodes swept several times more
            for (String id : ids) {
                assertThat(breachEvents(owner, id, "firstResponseBreachedAt")).as("breach events of %s", id).hasSize(1);
            }
            assertThat(jdbc.sql("select count(*) from ticket_events where entity_id = :e and changes like :c")
                    .param("e", owner.entityId()).param("c", "%firstResponseBreachedAt%").query(Long.class).single())
                    .isEqualTo(12);
        }
    }
}
