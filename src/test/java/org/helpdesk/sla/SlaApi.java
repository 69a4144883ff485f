package org.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.HttpApi;
import tools.jackson.databind.JsonNode;

/** Helpers for the calendar and policy routes (API §11), written in the owner's session as the API requires. */
final class SlaApi {
    static final String CALENDARS = "/api/helpdesk/calendars";
    static final String POLICIES = "/api/helpdesk/sla-policies";
    static final List<String> CALENDAR_FIELDS = List.of("id", "entityId", "name", "timezone", "hours", "holidays",
            "createdAt");
    static final List<String> POLICY_FIELDS = List.of("id", "entityId", "name", "position", "match", "calendarId",
            "targets", "createdAt");
    static final List<String> SLA_FIELDS = List.of("policyId", "firstResponseDueAt", "resolutionDueAt",
            "firstResponseBreachedAt", "resolutionBreachedAt", "pausedSince");

    private final HttpApi api;

    SlaApi(HttpApi api) {
        this.api = api;
    }

    HttpApi.Response post(HttpApi.Owner owner, String path, Object body) {
        return api.post(path + "?entityId=" + owner.entity()).session(owner.session()).json(body).send();
    }

    HttpApi.Response patch(HttpApi.Owner owner, String path, Object body) {
        return api.patch(path + "?entityId=" + owner.entity()).session(owner.session()).json(body).send();
    }

    JsonNode calendar(HttpApi.Owner owner, Map<String, ?> body) {
        HttpApi.Response r = post(owner, CALENDARS, body);
        assertThat(r.status()).as("calendar: %s", r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode policy(HttpApi.Owner owner, Map<String, ?> body) {
        HttpApi.Response r = post(owner, POLICIES, body);
        assertThat(r.status()).as("policy: %s", r.body()).isEqualTo(201);
        return r.json();
    }

    /** A policy around the clock with these minutes for every priority. */
    JsonNode roundTheClock(HttpApi.Owner owner, int firstResponse, int resolution) {
        Map<String, Object> t = Map.of("firstResponse", firstResponse, "resolution", resolution);
        return policy(owner, Map.of("name", "24/7", "targets",
                Map.of("low", t, "normal", t, "high", t, "urgent", t)));
    }

    /**
     * Moves these timestamp columns of a ticket back by {@code by} (what the API cannot do): as if the ticket had
     * been waiting that long. Read and written as values, so it works alike on H2 and PostgreSQL.
     */
    static void moveBack(org.springframework.jdbc.core.simple.JdbcClient jdbc, java.util.UUID entityId,
                         String ticketId, java.time.Duration by, List<String> columns) {
        for (String column : columns) {
            java.time.OffsetDateTime value = jdbc.sql("select " + column
                            + " from tickets where entity_id = :e and id = :id")
                    .param("e", entityId).param("id", java.util.UUID.fromString(ticketId))
                    .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, java.time.OffsetDateTime.class)))
                    .single().orElse(null);
            if (value != null) {
                jdbc.sql("update tickets set " + column + " = :v where entity_id = :e and id = :id")
                        .param("v", value.minus(by)).param("e", entityId)
                        .param("id", java.util.UUID.fromString(ticketId)).update();
            }
        }
    }

    static Instant at(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : Instant.parse(v.stringValue());
    }
}
