package org.helpdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.assertError;
import static org.helpdesk.support.TicketApi.body;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** GET /api/helpdesk/reports/summary and summary.csv (API §13), with ticket times set in the database. */
class ReportsIT extends ApiTest {
    private static final String SUMMARY = "/api/helpdesk/reports/summary";

    @Autowired
    JdbcClient jdbc;

    private TicketApi tickets;
    private HttpApi.Owner owner;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
    }

    /** A ticket of {@code who} whose lifecycle times are moved to the given instants (null: none). */
    private String ticketAt(HttpApi.Owner who, String created, String firstResponse, String resolved) {
        String id = tickets.create(who, "Report " + UUID.randomUUID()).get("id").stringValue();
        jdbc.sql("""
                        update tickets set created_at = :created, updated_at = :created,
                               first_response_at = :firstResponse, resolved_at = :resolved
                        where entity_id = :entityId and id = :id""")
                .param("created", at(created)).param("firstResponse", at(firstResponse))
                .param("resolved", at(resolved)).param("entityId", who.entityId())
                .param("id", UUID.fromString(id)).update();
        return id;
    }

    private static OffsetDateTime at(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    private JsonNode summary(HttpApi.Owner who, String query) {
        HttpApi.Response r = api.get(SUMMARY + "?" + query).bearer(who.apiKey()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).isNull() ? null : n.get(field).asString()));
        return out;
    }

    @Test
    void dailyBucketsCountCreatedAndResolvedWithNearestRankMediansAndEmptyDays() {
        // Given first responses after 10, 20 and 40 minutes on Monday, resolutions on Tuesday and Wednesday
        ticketAt(owner, "2026-03-02T10:00:00Z", "2026-03-02T10:10:00Z", "2026-03-03T10:00:00Z");
        ticketAt(owner, "2026-03-02T11:00:00Z", "2026-03-02T11:20:00Z", null);
        ticketAt(owner, "2026-03-02T12:00:00Z", "2026-03-02T12:40:00Z", null);
        ticketAt(owner, "2026-03-04T09:00:00Z", null, "2026-03-04T12:00:00Z");

        // When
        JsonNode s = summary(owner, "from=2026-03-02&to=2026-03-05");

        // Then
        assertThat(s.get("from").asString()).isEqualTo("2026-03-02");
        assertThat(s.get("to").asString()).isEqualTo("2026-03-05");
        assertThat(s.get("interval").asString()).isEqualTo("day");
        assertThat(s.get("timezone").asString()).isEqualTo("UTC");
        JsonNode series = s.get("series");
        assertThat(values(series, "start")).containsExactly("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05");
        assertThat(values(series, "created")).containsExactly("3", "0", "1", "0");
        assertThat(values(series, "resolved")).containsExactly("0", "1", "1", "0");
        assertThat(values(series, "firstResponseMedianMinutes")).containsExactly("20.0", null, null, null);
        assertThat(values(series, "firstResponseP90Minutes")).containsExactly("40.0", null, null, null);
        assertThat(values(series, "resolutionMedianMinutes")).containsExactly(null, "1440.0", "180.0", null);
        JsonNode totals = s.get("totals");
        assertThat(totals.get("created").asLong()).isEqualTo(4);
        assertThat(totals.get("resolved").asLong()).isEqualTo(2);
        assertThat(totals.get("firstResponseMedianMinutes").asDouble()).isEqualTo(20.0);
        assertThat(totals.get("firstResponseP90Minutes").asDouble()).isEqualTo(40.0);
        assertThat(totals.get("resolutionMedianMinutes").asDouble()).isEqualTo(180.0);
        assertThat(totals.has("slaFirstResponseMet")).isTrue();
        assertThat(totals.has("slaFirstResponseBreached")).isTrue();
    }

    @Test
    void minutesKeepOneDecimal() {
        ticketAt(owner, "2026-03-02T10:00:00Z", "2026-03-02T10:01:30Z", null);
        JsonNode s = summary(owner, "from=2026-03-02&to=2026-03-02");
        assertThat(s.get("series").get(0).get("firstResponseMedianMinutes").asDouble()).isEqualTo(1.5);
    }

    @Test
    void bucketsAreDaysOfTheGivenTimeZoneWhichIsEchoedAsGiven() {
        // 23:30 UTC on 2 March is 00:30 on 3 March in Berlin
        ticketAt(owner, "2026-03-02T23:30:00Z", null, null);

        JsonNode utc = summary(owner, "from=2026-03-02&to=2026-03-03");
        JsonNode berlin = summary(owner, "from=2026-03-02&to=2026-03-03&timezone=Europe/Berlin");

        assertThat(values(utc.get("series"), "created")).containsExactly("1", "0");
        assertThat(values(berlin.get("series"), "created")).containsExactly("0", "1");
        assertThat(berlin.get("timezone").asString()).isEqualTo("Europe/Berlin");
    }

    @Test
    void weeksStartOnMondayAndCountOnlyTheDaysOfTheRange() {
        // Given a range from Wednesday 4 March to Tuesday 10 March
        ticketAt(owner, "2026-03-02T12:00:00Z", null, null); // Monday before the range
        ticketAt(owner, "2026-03-04T12:00:00Z", null, null);
        ticketAt(owner, "2026-03-08T23:59:00Z", null, null); // Sunday: first week
        ticketAt(owner, "2026-03-10T12:00:00Z", null, null);
        ticketAt(owner, "2026-03-11T12:00:00Z", null, null); // after the range

        JsonNode s = summary(owner, "from=2026-03-04&to=2026-03-10&interval=week");

        assertThat(s.get("interval").asString()).isEqualTo("week");
        assertThat(values(s.get("series"), "start")).containsExactly("2026-03-02", "2026-03-09");
        assertThat(values(s.get("series"), "created")).containsExactly("2", "1");
        assertThat(s.get("totals").get("created").asLong()).isEqualTo(3);
    }

    @Test
    void assigneesAndCategoriesAreTabledByCreatedWithUnassignedAndUncategorisedAsNull() {
        String hardware = tickets.createCategory(owner, "Hardware").get("id").stringValue();
        String a = ticketAt(owner, "2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z", "2026-03-02T11:00:00Z");
        String b = ticketAt(owner, "2026-03-02T10:00:00Z", null, null);
        ticketAt(owner, "2026-03-02T10:00:00Z", null, null);
        for (String id : List.of(a, b)) {
            jdbc.sql("update tickets set assigned_to = :user, category_id = :category where entity_id = :e and id = :id")
                    .param("user", owner.session().userId()).param("category", UUID.fromString(hardware))
                    .param("e", owner.entityId()).param("id", UUID.fromString(id)).update();
        }

        JsonNode s = summary(owner, "from=2026-03-02&to=2026-03-02");

        JsonNode assignees = s.get("byAssignee");
        assertThat(assignees).hasSize(2);
        assertThat(assignees.get(0).get("userId").asString()).isEqualTo(owner.session().userId().toString());
        assertThat(assignees.get(0).get("name").asString()).isEqualTo(TicketApi.OWNER_NAME);
        assertThat(assignees.get(0).get("created").asLong()).isEqualTo(2);
        assertThat(assignees.get(0).get("resolved").asLong()).isEqualTo(1);
        assertThat(assignees.get(0).get("firstResponseMedianMinutes").asDouble()).isEqualTo(30.0);
        assertThat(assignees.get(1).get("userId").isNull()).isTrue();
        assertThat(assignees.get(1).get("name").isNull()).isTrue();
        assertThat(assignees.get(1).get("created").asLong()).isEqualTo(1);
        assertThat(assignees.get(1).get("firstResponseMedianMinutes").isNull()).isTrue();
        JsonNode categories = s.get("byCategory");
        assertThat(values(categories, "categoryId")).containsExactly(hardware, null);
        assertThat(values(categories, "name")).containsExactly("Hardware", null);
        assertThat(values(categories, "created")).containsExactly("2", "1");
        assertThat(values(categories, "resolved")).containsExactly("1", "0");
    }

    @Test
    void firstResponsesThatMetOrBreachedTheirSlaAreCounted() {
        // Given three tickets with a first-response due time: answered in time, answered late, breached unanswered
        String met = ticketAt(owner, "2026-03-02T10:00:00Z", "2026-03-02T10:10:00Z", null);
        String late = ticketAt(owner, "2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z", null);
        String open = ticketAt(owner, "2026-03-02T10:00:00Z", null, null);
        ticketAt(owner, "2026-03-02T10:00:00Z", "2026-03-02T10:05:00Z", null); // no SLA
        for (String id : List.of(met, late, open)) {
            jdbc.sql("update tickets set sla_first_response_due_at = :due where entity_id = :e and id = :id")
                    .param("due", at("2026-03-02T11:00:00Z")).param("e", owner.entityId())
                    .param("id", UUID.fromString(id)).update();
        }
        for (String id : List.of(late, open)) {
            jdbc.sql("update tickets set sla_first_response_breached_at = :due where entity_id = :e and id = :id")
                    .param("due", at("2026-03-02T11:00:00Z")).param("e", owner.entityId())
                    .param("id", UUID.fromString(id)).update();
        }

        JsonNode totals = summary(owner, "from=2026-03-02&to=2026-03-02").get("totals");

        assertThat(totals.get("slaFirstResponseMet").asLong()).isEqualTo(1);
        assertThat(totals.get("slaFirstResponseBreached").asLong()).isEqualTo(2);
    }

    @Test
    void anotherEntitysTicketsNeverCount() {
        HttpApi.Owner other = api.newOwner();
        ticketAt(other, "2026-03-02T10:00:00Z", "2026-03-02T10:05:00Z", "2026-03-02T11:00:00Z");

        JsonNode s = summary(owner, "from=2026-03-02&to=2026-03-02");

        assertThat(s.get("totals").get("created").asLong()).isZero();
        assertThat(s.get("totals").get("resolved").asLong()).isZero();
        assertThat(s.get("byAssignee")).isEmpty();
        assertThat(api.get(SUMMARY + "?from=2026-03-02&to=2026-03-02&entityId=" + other.entity())
                .bearer(owner.apiKey()).send().status()).isEqualTo(403);
    }

    @Test
    void viewersMayReadReportsAndAWriteOnlyKeyMayNot() {
        HttpApi.Session viewer = api.newMember(owner, "viewer");
        HttpApi.Response asViewer = api.get(SUMMARY + "?from=2026-03-02&to=2026-03-02&entityId=" + owner.entity())
                .session(viewer).send();
        assertThat(asViewer.status()).isEqualTo(200);

        String writeOnly = api.createKey(owner.session(), owner.entityId(), List.of("write:helpdesk"));
        assertError(api.get(SUMMARY + "?from=2026-03-02&to=2026-03-02").bearer(writeOnly).send(), 403);
        assertError(api.get(SUMMARY + "?from=2026-03-02&to=2026-03-02").send(), 401);
    }

    @Test
    void badParametersAre400() {
        for (String query : List.of("to=2026-03-02", "from=2026-03-02", "from=2026-03-03&to=2026-03-02",
                "from=2026-03-02&to=2026-03-02&interval=month", "from=2026-03-02&to=2026-03-02&timezone=Nowhere/City",
                "from=03/02/2026&to=2026-03-02", "from=2025-01-01&to=2026-02-05")) {
            assertError(api.get(SUMMARY + "?" + query).bearer(owner.apiKey()).send(), 400);
        }
    }

    @Test
    void theCsvHasAHeaderRowAndOneRowPerBucket() {
        ticketAt(owner, "2026-03-02T10:00:00Z", "2026-03-02T10:10:00Z", null);

        HttpApi.Response r = api.get(SUMMARY + ".csv?from=2026-03-02&to=2026-03-03").bearer(owner.apiKey()).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        assertThat(r.body().split("\r\n")).containsExactly(
                "start,created,resolved,firstResponseMedianMinutes,firstResponseP90Minutes,resolutionMedianMinutes",
                "2026-03-02,1,0,10.0,10.0,", "2026-03-03,0,0,,,");
        assertError(api.get(SUMMARY + ".csv?from=2026-03-02").bearer(owner.apiKey()).send(), 400);
    }
}
