package org.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.sla.SlaApi.POLICIES;
import static org.helpdesk.sla.SlaApi.SLA_FIELDS;
import static org.helpdesk.sla.SlaApi.at;
import static org.helpdesk.support.TicketApi.assertError;
import static org.helpdesk.support.TicketApi.assertFields;
import static org.helpdesk.support.TicketApi.body;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The {@code sla} of tickets (API §11): the policy chosen, due times in business hours, the pause while pending
 * and the stop while resolved, the choice made again on a change, breaches found by a change, the list filters
 * and order. Where the API cannot set a time, the test moves it in the database.
 */
class SlaTicketIT extends ApiTest {
    private static final Duration SLACK = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    private SlaApi sla;
    private TicketApi tickets;
    private HttpApi.Owner owner;

    @BeforeEach
    void setUp() {
        sla = new SlaApi(api);
        tickets = new TicketApi(api);
        owner = api.newOwner();
    }

    private static JsonNode slaOf(JsonNode ticket) {
        return ticket.get("sla");
    }

    /** Moves the ticket's times (created, and the SLA's stored ones but the sweeper's) back by {@code by}. */
    private void moveBack(String ticketId, Duration by) {
        SlaApi.moveBack(jdbc, owner.entityId(), ticketId, by, List.of("created_at", "sla_first_response_due_at",
                "sla_resolution_due_at", "sla_paused_since", "sla_stopped_since", "sla_due_at"));
    }

    @Test
    void aTicketWithoutAPolicyHasSlaNull() {
        JsonNode t = tickets.create(owner, "No policy");

        assertThat(t.has("sla")).isTrue();
        assertThat(t.get("sla").isNull()).isTrue();
        assertThat(tickets.get(owner, t.get("id").stringValue()).get("sla").isNull()).isTrue();
    }

    @Test
    void roundTheClockDueTimesCountFromCreatedAt() {
        JsonNode policy = sla.roundTheClock(owner, 30, 240);

        JsonNode t = tickets.create(owner, "Printer on fire");

        JsonNode s = slaOf(t);
        assertFields(s, SLA_FIELDS);
        Instant created = at(t, "createdAt");
        assertThat(s.get("policyId").stringValue()).isEqualTo(policy.get("id").stringValue());
        assertThat(at(s, "firstResponseDueAt")).isEqualTo(created.plus(Duration.ofMinutes(30)));
        assertThat(at(s, "resolutionDueAt")).isEqualTo(created.plus(Duration.ofMinutes(240)));
        assertThat(s.get("firstResponseBreachedAt").isNull()).isTrue();
        assertThat(s.get("resolutionBreachedAt").isNull()).isTrue();
        assertThat(s.get("pausedSince").isNull()).isTrue();
        assertThat(s.get("firstResponseDueAt").stringValue()).matches(TicketApi.TIMESTAMP);
        assertThat(slaOf(tickets.get(owner, t.get("id").stringValue()))).isEqualTo(s);
    }

    @Test
    void theFirstPolicyByPositionWhoseMatchFitsApplies() {
        JsonNode category = tickets.createCategory(owner, "Billing");
        String categoryId = category.get("id").stringValue();
        JsonNode phoneUrgent = sla.policy(owner, Map.of("name", "Urgent phone", "position", 1,
                "match", Map.of("priority", List.of("urgent"), "channel", List.of("phone")),
                "targets", Map.of("urgent", Map.of("firstResponse", 5))));
        JsonNode billing = sla.policy(owner, Map.of("name", "Billing", "position", 2,
                "match", Map.of("categoryId", List.of(categoryId)),
                "targets", Map.of("urgent", Map.of("firstResponse", 60), "normal", Map.of("firstResponse", 120))));

        JsonNode urgentPhone = tickets.create(owner, body("subject", "a", "priority", "urgent", "channel", "phone",
                "categoryId", categoryId));
        JsonNode urgentMail = tickets.create(owner, body("subject", "b", "priority", "urgent", "channel", "email",
                "categoryId", categoryId));
        JsonNode uncategorised = tickets.create(owner, body("subject", "c", "priority", "urgent", "channel", "email"));

        assertThat(slaOf(urgentPhone).get("policyId").stringValue()).isEqualTo(phoneUrgent.get("id").stringValue());
        assertThat(at(slaOf(urgentPhone), "firstResponseDueAt")).isEqualTo(at(urgentPhone, "createdAt").plusSeconds(300));
        assertThat(slaOf(urgentMail).get("policyId").stringValue()).isEqualTo(billing.get("id").stringValue());
        assertThat(at(slaOf(urgentMail), "firstResponseDueAt")).isEqualTo(at(urgentMail, "createdAt").plusSeconds(3600));
        assertThat(slaOf(uncategorised).isNull()).isTrue();
    }

    @Test
    void aPriorityWithoutTargetsGetsThePolicyAndNoDueTimes() {
        JsonNode policy = sla.policy(owner, Map.of("name", "Urgent only",
                "targets", Map.of("urgent", Map.of("firstResponse", 15))));

        JsonNode t = tickets.create(owner, body("subject", "Low", "priority", "low"));

        assertThat(slaOf(t).get("policyId").stringValue()).isEqualTo(policy.get("id").stringValue());
        assertThat(slaOf(t).get("firstResponseDueAt").isNull()).isTrue();
        assertThat(slaOf(t).get("resolutionDueAt").isNull()).isTrue();
    }

    @Test
    void aTicketCreatedOnHolidaysStartsCountingAtTheNextOpening() {
        // open around the clock every day, but today and tomorrow (in Auckland) are holidays
        ZoneId zone = ZoneId.of("Pacific/Auckland");
        LocalDate today = LocalDate.now(zone);
        List<Map<String, String>> hours = new ArrayList<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
            hours.add(Map.of("day", day, "from", "00:00", "to", "24:00"));
        }
        JsonNode calendar = sla.calendar(owner, Map.of("name", "Auckland", "timezone", zone.getId(), "hours", hours,
                "holidays", List.of(today.toString(), today.plusDays(1).toString())));
        sla.policy(owner, Map.of("name", "Office", "calendarId", calendar.get("id").stringValue(),
                "targets", Map.of("normal", Map.of("firstResponse", 90, "resolution", 60 * 24 + 30))));

        JsonNode t = tickets.create(owner, "On a holiday");

        Instant opening = today.plusDays(2).atStartOfDay(zone).toInstant();
        if (!LocalDate.now(zone).equals(today)) {
            return; // midnight passed in Auckland while the test ran: the holidays no longer cover the creation
        }
        assertThat(at(slaOf(t), "firstResponseDueAt")).isEqualTo(opening.plus(Duration.ofMinutes(90)));
        assertThat(at(slaOf(t), "resolutionDueAt")).isEqualTo(today.plusDays(3).atStartOfDay(zone).toInstant()
                .plus(Duration.ofMinutes(30)));
    }

    @Test
    void pendingPausesTheResolutionClockAndLeavingPendingMovesItsDueTimeOn() {
        sla.roundTheClock(owner, 30, 240);
        JsonNode t = tickets.create(owner, "Waiting for the customer");
        String id = t.get("id").stringValue();
        Instant resolutionDue = at(slaOf(t), "resolutionDueAt");
        Instant firstDue = at(slaOf(t), "firstResponseDueAt");

        JsonNode pending = tickets.patched(owner, id, Map.of("status", "pending"));
        assertThat(at(slaOf(pending), "pausedSince")).isEqualTo(at(pending, "updatedAt"));
        assertThat(at(slaOf(pending), "resolutionDueAt")).isEqualTo(resolutionDue);

        // an hour spent pending
        moveBack(id, Duration.ofHours(1));
        Instant movedDue = resolutionDue.minus(Duration.ofHours(1));
        JsonNode open = tickets.patched(owner, id, Map.of("status", "open"));

        assertThat(slaOf(open).get("pausedSince").isNull()).isTrue();
        Instant due = at(slaOf(open), "resolutionDueAt");
        assertThat(due).isBetween(movedDue.plus(Duration.ofHours(1)), movedDue.plus(Duration.ofHours(1)).plus(SLACK));
        // first response never pauses
        assertThat(at(slaOf(open), "firstResponseDueAt")).isEqualTo(firstDue.minus(Duration.ofHours(1)));
    }

    @Test
    void theClockStandsStillWhileResolvedAndAReopenedTicketGoesOnCounting() {
        sla.roundTheClock(owner, 30, 240);
        JsonNode t = tickets.create(owner, "Solved too early");
        String id = t.get("id").stringValue();
        Instant resolutionDue = at(slaOf(t), "resolutionDueAt");

        JsonNode resolved = tickets.patched(owner, id, Map.of("status", "resolved"));
        assertThat(at(slaOf(resolved), "resolutionDueAt")).isEqualTo(resolutionDue);
        assertThat(tickets.listIds(owner, "sla=due")).doesNotContain(id);
        moveBack(id, Duration.ofMinutes(45));

        // the contact writes again: reopened
        JsonNode reply = tickets.messaged(owner, id, Map.of("body", "Still broken", "authorType", "contact"));
        assertThat(reply.get("id")).isNotNull();
        JsonNode reopened = tickets.get(owner, id);
        assertThat(reopened.get("status").stringValue()).isEqualTo("open");
        Instant movedDue = resolutionDue.minus(Duration.ofMinutes(45));
        assertThat(at(slaOf(reopened), "resolutionDueAt"))
                .isBetween(movedDue.plus(Duration.ofMinutes(45)), movedDue.plus(Duration.ofMinutes(45)).plus(SLACK));
        assertThat(slaOf(reopened).get("resolutionBreachedAt").isNull()).isTrue();
        assertThat(tickets.listIds(owner, "sla=due")).contains(id);
    }

    @Test
    void aPriorityChangeChoosesThePolicyAgainCountingFromCreatedAtWithTheTimePausedKept() {
        JsonNode urgent = sla.policy(owner, Map.of("name", "Urgent", "match", Map.of("priority", List.of("urgent")),
                "targets", Map.of("urgent", Map.of("firstResponse", 10, "resolution", 60))));
        JsonNode rest = sla.policy(owner, Map.of("name", "Rest",
                "targets", Map.of("normal", Map.of("firstResponse", 120, "resolution", 480))));
        JsonNode t = tickets.create(owner, "Getting worse");
        String id = t.get("id").stringValue();
        assertThat(slaOf(t).get("policyId").stringValue()).isEqualTo(rest.get("id").stringValue());
        tickets.patched(owner, id, Map.of("status", "pending"));
        moveBack(id, Duration.ofMinutes(20));
        JsonNode reopened = tickets.patched(owner, id, Map.of("status", "open"));
        Instant created = at(reopened, "createdAt");
        Instant paused = at(slaOf(reopened), "resolutionDueAt").minus(Duration.ofMinutes(480));
        assertThat(Duration.between(created, paused)).isBetween(Duration.ofMinutes(20),
                Duration.ofMinutes(20).plus(SLACK));

        JsonNode escalated = tickets.patched(owner, id, Map.of("priority", "urgent"));

        assertThat(slaOf(escalated).get("policyId").stringValue()).isEqualTo(urgent.get("id").stringValue());
        assertThat(at(slaOf(escalated), "firstResponseDueAt")).isEqualTo(created.plus(Duration.ofMinutes(10)));
        assertThat(at(slaOf(escalated), "resolutionDueAt"))
                .isEqualTo(created.plus(Duration.ofMinutes(60)).plus(Duration.between(created, paused)));
        // the first-response due time (created 20 minutes ago, 10 allowed) has passed: recorded at once
        assertThat(at(slaOf(escalated), "firstResponseBreachedAt")).isEqualTo(created.plus(Duration.ofMinutes(10)));

        JsonNode calmer = tickets.patched(owner, id, Map.of("priority", "normal"));
        assertThat(slaOf(calmer).get("policyId").stringValue()).isEqualTo(rest.get("id").stringValue());
        assertThat(slaOf(calmer).get("firstResponseBreachedAt").isNull()).isTrue();
    }

    @Test
    void aLateFirstResponseRecordsTheBreachWithASystemEvent() {
        sla.roundTheClock(owner, 30, 240);
        JsonNode t = tickets.create(owner, "Late answer");
        String id = t.get("id").stringValue();
        moveBack(id, Duration.ofHours(1));
        Instant due = at(slaOf(t), "firstResponseDueAt").minus(Duration.ofHours(1));

        tickets.messaged(owner, id, Map.of("body", "Sorry for the wait"));

        JsonNode after = tickets.get(owner, id);
        assertThat(at(slaOf(after), "firstResponseBreachedAt")).isEqualTo(due);
        JsonNode events = api.get(TicketApi.TICKETS + "/" + id + "/events").bearer(owner.apiKey()).send().json();
        List<JsonNode> breaches = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("changes").has("firstResponseBreachedAt")) {
                breaches.add(e);
            }
        });
        assertThat(breaches).hasSize(1);
        JsonNode breach = breaches.get(0);
        assertThat(breach.get("type").stringValue()).isEqualTo("updated");
        assertThat(breach.get("actorType").stringValue()).isEqualTo("system");
        assertThat(breach.get("actorId").isNull()).isTrue();
        assertThat(breach.get("changes").toString()).isEqualTo("{\"firstResponseBreachedAt\":{\"from\":null,\"to\":\""
                + slaOf(after).get("firstResponseBreachedAt").stringValue() + "\"}}");
        // met, though late: not in the breached view
        assertThat(tickets.listIds(owner, "sla=breached")).doesNotContain(id);
    }

    @Test
    void listFiltersBreachedAndDueAndOrderBySlaDueAtWithKeysetPaging() {
        sla.policy(owner, Map.of("name", "Urgent", "match", Map.of("priority", List.of("urgent", "high")),
                "targets", Map.of("urgent", Map.of("firstResponse", 10, "resolution", 600),
                        "high", Map.of("resolution", 300))));
        String none1 = tickets.create(owner, "none 1").get("id").stringValue();
        String high = tickets.create(owner, body("subject", "high", "priority", "high")).get("id").stringValue();
        String urgent = tickets.create(owner, body("subject", "urgent", "priority", "urgent")).get("id").stringValue();
        String none2 = tickets.create(owner, "none 2").get("id").stringValue();
        String late = tickets.create(owner, body("subject", "late", "priority", "urgent")).get("id").stringValue();
        moveBack(late, Duration.ofMinutes(30));
        tickets.patched(owner, late, Map.of("subject", "late, breached")); // the change finds the breach

        assertThat(tickets.listIds(owner, "sla=breached")).containsExactly(late);
        assertThat(tickets.listIds(owner, "sla=due")).containsExactlyInAnyOrder(late, urgent, high);
        List<String> expected = new ArrayList<>(List.of(late, urgent, high));
        List<String> nones = new ArrayList<>(List.of(none1, none2));
        nones.sort(null);
        expected.addAll(nones);
        assertThat(tickets.listIds(owner, "sort=slaDueAt")).containsExactlyElementsOf(expected);

        List<String> paged = new ArrayList<>();
        String next = TicketApi.TICKETS + "?sort=slaDueAt&limit=2";
        for (int page = 0; page < 5 && next != null; page++) {
            HttpApi.Response r = api.get(next).bearer(owner.apiKey()).send();
            paged.addAll(TicketApi.ids(r));
            next = TicketApi.nextLink(r);
        }
        assertThat(paged).containsExactlyElementsOf(expected);

        HttpApi.Response first = tickets.list(owner, "sort=slaDueAt&limit=2");
        String cursor = TicketApi.nextLink(first).replaceAll(".*cursor=([^&]+).*", "$1");
        assertError(tickets.list(owner, "sort=slaDueAt&limit=2&sla=due&cursor=" + cursor), 400);
        assertError(tickets.list(owner, "sla=late"), 400);
        assertError(tickets.list(owner, "sort=-slaDueAt"), 400);
    }

    @Test
    void anotherEntitysPolicyNeverAppliesAndItsTicketsStayInvisible() {
        HttpApi.Owner other = api.newOwner();
        sla.roundTheClock(other, 5, 10);
        String theirs = tickets.create(other, "theirs").get("id").stringValue();

        JsonNode mine = tickets.create(owner, "mine");

        assertThat(slaOf(mine).isNull()).isTrue();
        assertThat(tickets.listIds(owner, "sla=due")).isEmpty();
        assertThat(tickets.listIds(other, "sla=due")).containsExactly(theirs);
        assertThat(api.get(POLICIES).bearer(owner.apiKey()).send().json()).isEmpty();
    }
}
