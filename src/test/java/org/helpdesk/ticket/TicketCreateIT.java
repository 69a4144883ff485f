package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.TIMESTAMP;
import static org.helpdesk.support.TicketApi.assertError;
import static org.helpdesk.support.TicketApi.assertFields;
import static org.helpdesk.support.TicketApi.body;

import java.util.List;
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

/** POST /api/helpdesk/tickets (API.md §3). */
class TicketCreateIT extends ApiTest {
    private TicketApi tickets;
    private HttpApi.Owner owner;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
    }

    @Test
    void createdTicketIs201WithLocationAndEveryFieldPresent() {
        // When
        HttpApi.Response r = api.post(TICKETS).bearer(owner.apiKey()).json(Map.of("subject", "Printer on fire")).send();

        // Then
        assertThat(r.status()).isEqualTo(201);
        JsonNode t = r.json();
        assertFields(t, TicketApi.TICKET_FIELDS);
        String id = t.get("id").stringValue();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(r.header("Location")).endsWith(TICKETS + "/" + id);
        assertThat(t.get("entityId").stringValue()).isEqualTo(owner.entity());
        assertThat(t.get("subject").stringValue()).isEqualTo("Printer on fire");
        for (String empty : List.of("description", "contactEmail", "contactName", "categoryId", "assignedTo",
                "firstResponseAt", "resolvedAt", "closedAt")) {
            assertThat(t.get(empty).isNull()).as(empty).isTrue();
        }
        assertThat(t.get("createdAt").stringValue()).matches(TIMESTAMP);
        assertThat(t.get("updatedAt").stringValue()).isEqualTo(t.get("createdAt").stringValue());
    }

    @Test
    void locationHeaderPointsAtTheCreatedTicket() {
        // Given
        HttpApi.Response created = api.post(TICKETS).bearer(owner.apiKey()).json(Map.of("subject", "Where am I")).send();

        // When
        String location = java.net.URI.create(created.header("Location")).getPath();
        HttpApi.Response r = api.get(location).bearer(owner.apiKey()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("id")).isEqualTo(created.json().get("id"));
    }

    @Test
    void defaultsAreNewNormalApiAndTheKeyCreator() {
        // When
        JsonNode t = tickets.create(owner, "Defaults");

        // Then
        assertThat(t.get("status").stringValue()).isEqualTo("new");
        assertThat(t.get("priority").stringValue()).isEqualTo("normal");
        assertThat(t.get("channel").stringValue()).isEqualTo("api");
        assertThat(t.get("createdBy").stringValue()).isEqualTo(owner.session().userId().toString());
    }

    @Test
    void aSessionCreatesWebTicketsAsTheSignedInUser() {
        // Given
        HttpApi.Session agent = tickets.member(owner, "agent", "Alma Agent");

        // When
        HttpApi.Response r = api.post(TICKETS).session(agent).header("x-entity-id", owner.entity())
                .json(Map.of("subject", "From the browser")).send();

        // Then
        JsonNode t = TicketApi.created(r);
        assertThat(t.get("channel").stringValue()).isEqualTo("web");
        assertThat(t.get("createdBy").stringValue()).isEqualTo(agent.userId().toString());
        assertThat(t.get("entityId").stringValue()).isEqualTo(owner.entity());
    }

    @Test
    void everyOptionalFieldIsStoredWithTheRightType() {
        // Given
        String category = tickets.createCategory(owner, "Hardware").get("id").stringValue();
        HttpApi.Session agent = tickets.member(owner, "agent", "Alma Agent");

        // When
        JsonNode t = tickets.create(owner, body("subject", "Full", "description", "All the details",
                "status", "pending", "priority", "urgent", "channel", "email", "contactEmail", "ann@example.com",
                "contactName", "Ann Contact", "categoryId", category, "assignedTo", agent.userId().toString()));

        // Then
        assertThat(t.get("description").stringValue()).isEqualTo("All the details");
        assertThat(t.get("status").stringValue()).isEqualTo("pending");
        assertThat(t.get("priority").stringValue()).isEqualTo("urgent");
        assertThat(t.get("channel").stringValue()).isEqualTo("email");
        assertThat(t.get("contactEmail").stringValue()).isEqualTo("ann@example.com");
        assertThat(t.get("contactName").stringValue()).isEqualTo("Ann Contact");
        assertThat(t.get("categoryId").stringValue()).isEqualTo(category);
        assertThat(t.get("assignedTo").stringValue()).isEqualTo(agent.userId().toString());
        assertThat(tickets.get(owner, t.get("id").stringValue()).get("assignedTo").stringValue())
                .isEqualTo(agent.userId().toString());
    }

    @Test
    void ticketNumbersCountFromOnePerEntity() {
        // Given
        HttpApi.Owner other = api.newOwner();

        // When
        JsonNode first = tickets.create(owner, "one");
        JsonNode second = tickets.create(owner, "two");
        JsonNode third = tickets.create(owner, "three");
        JsonNode otherFirst = tickets.create(other, "elsewhere");

        // Then
        assertThat(first.get("ticketNumber").stringValue()).isEqualTo("HD-1");
        assertThat(second.get("ticketNumber").stringValue()).isEqualTo("HD-2");
        assertThat(third.get("ticketNumber").stringValue()).isEqualTo("HD-3");
        assertThat(otherFirst.get("ticketNumber").stringValue()).isEqualTo("HD-1");
    }

    @Test
    void serverOwnedFieldsInTheBodyAreIgnored() {
        // Given
        String foreignId = UUID.randomUUID().toString();
        Map<String, Object> body = body("subject", "Sneaky", "id", foreignId, "ticketNumber", "HD-999",
                "createdAt", "2000-01-01T00:00:00.000Z", "updatedAt", "2000-01-01T00:00:00.000Z",
                "firstResponseAt", "2000-01-01T00:00:00.000Z", "resolvedAt", "2000-01-01T00:00:00.000Z",
                "closedAt", "2000-01-01T00:00:00.000Z", "createdBy", UUID.randomUUID().toString());

        // When
        JsonNode t = tickets.create(owner, body);

        // Then
        assertThat(t.get("id").stringValue()).isNotEqualTo(foreignId);
        assertThat(t.get("ticketNumber").stringValue()).isEqualTo("HD-1");
        assertThat(t.get("createdAt").stringValue()).doesNotStartWith("2000");
        assertThat(t.get("updatedAt").stringValue()).doesNotStartWith("2000");
        assertThat(t.get("firstResponseAt").isNull()).isTrue();
        assertThat(t.get("resolvedAt").isNull()).isTrue();
        assertThat(t.get("closedAt").isNull()).isTrue();
        assertThat(t.get("createdBy").stringValue()).isEqualTo(owner.session().userId().toString());
    }

    @Test
    void unknownFieldsAreIgnored() {
        // When
        JsonNode t = tickets.create(owner, body("subject", "Extra", "colour", "blue", "nested", Map.of("a", 1)));

        // Then
        assertThat(t.get("subject").stringValue()).isEqualTo("Extra");
        assertFields(t, TicketApi.TICKET_FIELDS);
    }

    @Test
    void subjectIsTrimmed() {
        // When
        JsonNode t = tickets.create(owner, "   padded subject \t ");

        // Then
        assertThat(t.get("subject").stringValue()).isEqualTo("padded subject");
    }

    @Test
    void subjectOf255CharactersAfterTrimmingIsAccepted() {
        // When
        JsonNode t = tickets.create(owner, "  " + "s".repeat(255) + "  ");

        // Then
        assertThat(t.get("subject").stringValue()).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void blankSubjectIs400(String subject) {
        assertError(api.post(TICKETS).bearer(owner.apiKey()).json(Map.of("subject", subject)).send(), 400);
        assertThat(tickets.listIds(owner, "")).isEmpty();
    }

    @Test
    void subjectOf256CharactersIs400() {
        assertError(api.post(TICKETS).bearer(owner.apiKey()).json(Map.of("subject", "s".repeat(256))).send(), 400);
        assertThat(tickets.listIds(owner, "")).isEmpty();
    }

    @Test
    void missingSubjectIs400() {
        assertError(api.post(TICKETS).bearer(owner.apiKey()).json(Map.of("description", "no subject")).send(), 400);
        assertError(api.post(TICKETS).bearer(owner.apiKey()).json(body("subject", null)).send(), 400);
        assertThat(tickets.listIds(owner, "")).isEmpty();
    }

    @Test
    void descriptionOf100000CharactersIsAccepted() {
        // When
        JsonNode t = tickets.create(owner, body("subject", "long", "description", "d".repeat(100_000)));

        // Then
        assertThat(tickets.get(owner, t.get("id").stringValue()).get("description").stringValue()).hasSize(100_000);
    }

    @Test
    void descriptionOver100000CharactersIs400() {
        assertError(api.post(TICKETS).bearer(owner.apiKey())
                .json(body("subject", "too long", "description", "d".repeat(100_001))).send(), 400);
        assertThat(tickets.listIds(owner, "")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@b", "two words@example.com", "@example.com", "ann@"})
    void contactEmailThatIsNoEmailAddressIs400(String email) {
        assertError(api.post(TICKETS).bearer(owner.apiKey())
                .json(body("subject", "mail", "contactEmail", email)).send(), 400);
        assertThat(tickets.listIds(owner, "")).isEmpty();
    }

    @Test
    void categoryOfAnotherEntityIs400() {
        // Given
        HttpApi.Owner other = api.newOwner();
        String foreignCategory = tickets.createCategory(other, "Theirs").get("id").stringValue();

        // When
        HttpApi.Response r = api.post(TICKETS).bearer(owner.apiKey())
                .json(body("subject", "cat", "categoryId", foreignCategory)).send();

        // Then
        assertError(r, 400);
        assertThat(tickets.listIds(owner, "")).isEmpty();
    }

    @Test
    void unknownCategoryIs400() {
        assertError(api.post(TICKETS).bearer(owner.apiKey())
                .json(body("subject", "cat", "categoryId", UUID.randomUUID().toString())).send(), 400);
    }

    @Test
    void assigningAViewerIs400() {
        // Given
        HttpApi.Session viewer = tickets.member(owner, "viewer", "Vic Viewer");

        // When
        HttpApi.Response r = api.post(TICKETS).bearer(owner.apiKey())
                .json(body("subject", "assign", "assignedTo", viewer.userId().toString())).send();

        // Then
        assertError(r, 400);
        assertThat(tickets.listIds(owner, "")).isEmpty();
    }

    @Test
    void assigningSomeoneWhoIsNoMemberIs400() {
        // Given
        HttpApi.Owner stranger = api.newOwner();

        // When
        HttpApi.Response r = api.post(TICKETS).bearer(owner.apiKey())
                .json(body("subject", "assign", "assignedTo", stranger.session().userId().toString())).send();

        // Then
        assertError(r, 400);
        assertThat(tickets.listIds(owner, "")).isEmpty();
    }

    @Test
    void adminsAndOwnersCanBeAssigned() {
        // Given
        HttpApi.Session admin = tickets.member(owner, "admin", "Ada Admin");

        // When
        JsonNode toAdmin = tickets.create(owner, body("subject", "a", "assignedTo", admin.userId().toString()));
        JsonNode toOwner = tickets.create(owner, body("subject", "o", "assignedTo",
                owner.session().userId().toString()));

        // Then
        assertThat(toAdmin.get("assignedTo").stringValue()).isEqualTo(admin.userId().toString());
        assertThat(toOwner.get("assignedTo").stringValue()).isEqualTo(owner.session().userId().toString());
    }
}
