package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.assertError;
import static org.helpdesk.support.TicketApi.assertFields;
import static org.helpdesk.support.TicketApi.body;
import static org.helpdesk.support.TicketApi.nextMillisecond;

import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** PATCH /api/helpdesk/tickets/{id}: JSON merge-patch (API.md §3). */
class TicketPatchIT extends ApiTest {
    private TicketApi tickets;
    private HttpApi.Owner owner;
    private String category;
    private HttpApi.Session agent;
    private JsonNode full;
    private String id;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
        category = tickets.createCategory(owner, "Billing").get("id").stringValue();
        agent = tickets.member(owner, "agent", "Alma Agent");
        full = tickets.create(owner, body("subject", "Full ticket", "description", "Details",
                "priority", "high", "channel", "phone", "contactEmail", "ann@example.com", "contactName", "Ann",
                "categoryId", category, "assignedTo", agent.userId().toString()));
        id = full.get("id").stringValue();
        nextMillisecond();
    }

    /** The ticket as GET shows it, without its messages. */
    private JsonNode current() {
        JsonNode t = tickets.get(owner, id);
        ((tools.jackson.databind.node.ObjectNode) t).remove("messages");
        ((tools.jackson.databind.node.ObjectNode) t).remove("attachments");
        return t;
    }

    @Test
    void absentFieldsStayUnchanged() {
        // When
        JsonNode t = tickets.patched(owner, id, Map.of("priority", "low"));

        // Then
        assertFields(t, TicketApi.TICKET_FIELDS);
        assertThat(t.get("priority").stringValue()).isEqualTo("low");
        for (String field : new String[] {"subject", "description", "status", "channel", "contactEmail",
                "contactName", "categoryId", "assignedTo", "createdAt", "createdBy", "ticketNumber"}) {
            assertThat(t.get(field)).as(field).isEqualTo(full.get(field));
        }
        assertThat(current()).isEqualTo(t);
    }

    @Test
    void everyEditableFieldCanBeChanged() {
        // Given
        String otherCategory = tickets.createCategory(owner, "Other").get("id").stringValue();

        // When
        JsonNode t = tickets.patched(owner, id, body("subject", "  New subject ", "description", "New details",
                "status", "pending", "priority", "urgent", "channel", "chat", "contactEmail", "bob@example.com",
                "contactName", "Bob", "categoryId", otherCategory, "assignedTo", owner.session().userId().toString()));

        // Then
        assertThat(t.get("subject").stringValue()).isEqualTo("New subject");
        assertThat(t.get("description").stringValue()).isEqualTo("New details");
        assertThat(t.get("status").stringValue()).isEqualTo("pending");
        assertThat(t.get("priority").stringValue()).isEqualTo("urgent");
        assertThat(t.get("channel").stringValue()).isEqualTo("chat");
        assertThat(t.get("contactEmail").stringValue()).isEqualTo("bob@example.com");
        assertThat(t.get("contactName").stringValue()).isEqualTo("Bob");
        assertThat(t.get("categoryId").stringValue()).isEqualTo(otherCategory);
        assertThat(t.get("assignedTo").stringValue()).isEqualTo(owner.session().userId().toString());
        assertThat(current()).isEqualTo(t);
    }

    @Test
    void nullClearsTheClearableFields() {
        // When
        JsonNode t = tickets.patched(owner, id, body("description", null, "contactEmail", null,
                "contactName", null, "categoryId", null, "assignedTo", null));

        // Then
        for (String field : new String[] {"description", "contactEmail", "contactName", "categoryId", "assignedTo"}) {
            assertThat(t.get(field).isNull()).as(field).isTrue();
        }
        assertThat(t.get("subject").stringValue()).isEqualTo("Full ticket");
        assertThat(current()).isEqualTo(t);
    }

    @ParameterizedTest
    @ValueSource(strings = {"subject", "status", "priority"})
    void nullForARequiredFieldIs400AndChangesNothing(String field) {
        // When
        HttpApi.Response r = tickets.patch(owner, id, body(field, null, "description", "changed"));

        // Then
        assertError(r, 400);
        assertThat(current()).isEqualTo(full);
    }

    @Test
    void emptyPatchChangesNothing() {
        // When
        JsonNode t = tickets.patched(owner, id, Map.of());

        // Then
        assertThat(t).isEqualTo(full);
        assertThat(current()).isEqualTo(full);
        assertThat(current().get("updatedAt")).isEqualTo(full.get("updatedAt"));
    }

    @Test
    void aChangeMovesUpdatedAt() {
        // When
        JsonNode t = tickets.patched(owner, id, Map.of("subject", "Changed"));

        // Then
        assertThat(t.get("updatedAt").stringValue()).isGreaterThan(full.get("updatedAt").stringValue());
        assertThat(t.get("createdAt")).isEqualTo(full.get("createdAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "priority", "channel"})
    void unknownEnumValueIs400AndChangesNothing(String field) {
        // When
        HttpApi.Response r = tickets.patch(owner, id, body(field, "bogus", "subject", "changed"));

        // Then
        assertError(r, 400);
        assertThat(current()).isEqualTo(full);
    }

    @Test
    void enumValuesAreCaseSensitiveWireNames() {
        assertError(tickets.patch(owner, id, Map.of("status", "OPEN")), 400);
        assertThat(current()).isEqualTo(full);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"subject\": 42}",
            "{\"subject\": true}",
            "{\"status\": 1}",
            "{\"priority\": [\"high\"]}",
            "{\"description\": {\"text\": \"x\"}}",
            "{\"contactEmail\": 5}",
            "{\"contactName\": false}",
            "{\"categoryId\": 12}",
            "{\"categoryId\": \"not-a-uuid\"}",
            "{\"assignedTo\": \"not-a-uuid\"}",
            "{\"subject\": \"ok\", \"priority\": 3}"})
    void wrongTypesAre400AndChangeNothing(String patch) {
        // When
        HttpApi.Response r = api.patch(TICKETS + "/" + id).bearer(owner.apiKey()).raw(patch, "application/json").send();

        // Then
        assertError(r, 400);
        assertThat(current()).isEqualTo(full);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankSubjectIs400(String subject) {
        assertError(tickets.patch(owner, id, Map.of("subject", subject)), 400);
        assertThat(current()).isEqualTo(full);
    }

    @Test
    void subjectOver255CharactersIs400() {
        assertError(tickets.patch(owner, id, Map.of("subject", "s".repeat(256))), 400);
        assertThat(current()).isEqualTo(full);
    }

    @Test
    void descriptionOver100000CharactersIs400() {
        assertError(tickets.patch(owner, id, Map.of("description", "d".repeat(100_001))), 400);
        assertThat(current()).isEqualTo(full);
    }

    @Test
    void badContactEmailIs400() {
        assertError(tickets.patch(owner, id, Map.of("contactEmail", "nope")), 400);
        assertThat(current()).isEqualTo(full);
    }

    @Test
    void categoryOfAnotherEntityIs400() {
        // Given
        HttpApi.Owner other = api.newOwner();
        String foreign = tickets.createCategory(other, "Foreign").get("id").stringValue();

        // When
        HttpApi.Response r = tickets.patch(owner, id, Map.of("categoryId", foreign, "subject", "changed"));

        // Then
        assertError(r, 400);
        assertThat(current()).isEqualTo(full);
    }

    @Test
    void assigningAViewerIs400() {
        // Given
        HttpApi.Session viewer = tickets.member(owner, "viewer", "Vic Viewer");

        // When
        HttpApi.Response r = tickets.patch(owner, id, Map.of("assignedTo", viewer.userId().toString()));

        // Then
        assertError(r, 400);
        assertThat(current()).isEqualTo(full);
    }

    @Test
    void assigningANonMemberIs400() {
        // Given
        HttpApi.Owner stranger = api.newOwner();

        // When
        HttpApi.Response r = tickets.patch(owner, id, Map.of("assignedTo", stranger.session().userId().toString()));

        // Then
        assertError(r, 400);
        assertThat(current()).isEqualTo(full);
    }

    @Test
    void serverOwnedFieldsAreIgnored() {
        // When
        JsonNode t = tickets.patched(owner, id, body("id", UUID.randomUUID().toString(), "ticketNumber", "HD-77",
                "createdAt", "2000-01-01T00:00:00.000Z", "createdBy", UUID.randomUUID().toString(),
                "resolvedAt", "2000-01-01T00:00:00.000Z", "colour", "blue"));

        // Then
        assertThat(t.get("id").stringValue()).isEqualTo(id);
        assertThat(t.get("ticketNumber")).isEqualTo(full.get("ticketNumber"));
        assertThat(t.get("createdAt")).isEqualTo(full.get("createdAt"));
        assertThat(t.get("createdBy")).isEqualTo(full.get("createdBy"));
        assertThat(t.get("resolvedAt").isNull()).isTrue();
    }

    @Test
    void unknownTicketIs404() {
        assertError(tickets.patch(owner, UUID.randomUUID().toString(), Map.of("subject", "x")), 404);
    }

    @Test
    void malformedIdIs400() {
        assertError(tickets.patch(owner, "not-a-uuid", Map.of("subject", "x")), 400);
    }

    @Test
    void ticketOfAnotherEntityIs404AndStaysUnchanged() {
        // Given
        HttpApi.Owner other = api.newOwner();

        // When
        HttpApi.Response r = api.patch(TICKETS + "/" + id).bearer(other.apiKey()).json(Map.of("subject", "Mine now"))
                .send();

        // Then
        assertError(r, 404);
        assertThat(current()).isEqualTo(full);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"subject\"", "42", "null", "{\"subject\": \"x\"", "{\"subject\": \"x\"} {}",
            "not json"})
    void bodyThatIsNoJsonObjectIs400(String raw) {
        assertError(api.patch(TICKETS + "/" + id).bearer(owner.apiKey()).raw(raw, "application/json").send(), 400);
        assertThat(current()).isEqualTo(full);
    }
}
