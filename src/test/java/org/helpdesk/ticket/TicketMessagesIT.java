package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.OWNER_NAME;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.TIMESTAMP;
import static org.helpdesk.support.TicketApi.assertError;
import static org.helpdesk.support.TicketApi.assertFields;
import static org.helpdesk.support.TicketApi.body;

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

/** POST /api/helpdesk/tickets/{id}/messages: shape and authorship (API.md §3, Message). */
class TicketMessagesIT extends ApiTest {
    private TicketApi tickets;
    private HttpApi.Owner owner;
    private String id;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
        id = tickets.create(owner, body("subject", "Help", "contactName", "Ann Contact",
                "contactEmail", "ann@example.com")).get("id").stringValue();
    }

    private int messageCount() {
        return tickets.get(owner, id).get("messages").size();
    }

    @Test
    void createdMessageIs201WithEveryField() {
        // When
        HttpApi.Response r = tickets.message(owner, id, Map.of("body", "Hello Ann"));

        // Then
        assertThat(r.status()).isEqualTo(201);
        JsonNode m = r.json();
        assertFields(m, TicketApi.MESSAGE_FIELDS);
        assertThat(UUID.fromString(m.get("id").stringValue())).isNotNull();
        assertThat(m.get("ticketId").stringValue()).isEqualTo(id);
        assertThat(m.get("body").stringValue()).isEqualTo("Hello Ann");
        assertThat(m.get("isInternal").isBoolean()).isTrue();
        assertThat(m.get("isInternal").booleanValue()).isFalse();
        assertThat(m.get("createdAt").stringValue()).matches(TIMESTAMP);
        assertThat(tickets.get(owner, id).get("messages").get(0)).isEqualTo(m);
    }

    @Test
    void aKeyWritesAsAnAgentByDefaultInTheNameOfItsCreator() {
        // When
        JsonNode m = tickets.messaged(owner, id, Map.of("body", "From the integration"));

        // Then
        assertThat(m.get("authorType").stringValue()).isEqualTo("agent");
        assertThat(m.get("authorId").stringValue()).isEqualTo(owner.session().userId().toString());
        assertThat(m.get("authorName").stringValue()).isEqualTo(OWNER_NAME);
    }

    @Test
    void aKeyMayNameTheAgentAuthor() {
        // When
        JsonNode m = tickets.messaged(owner, id, Map.of("body", "Signed", "authorName", "Night Shift Bot"));

        // Then
        assertThat(m.get("authorType").stringValue()).isEqualTo("agent");
        assertThat(m.get("authorName").stringValue()).isEqualTo("Night Shift Bot");
        assertThat(m.get("authorId").stringValue()).isEqualTo(owner.session().userId().toString());
    }

    @Test
    void aContactMessageIsNamedAfterTheTicketsContactAndHasNoAuthorId() {
        // When
        JsonNode m = tickets.messaged(owner, id, Map.of("body", "Still broken", "authorType", "contact"));

        // Then
        assertThat(m.get("authorType").stringValue()).isEqualTo("contact");
        assertThat(m.get("authorName").stringValue()).isEqualTo("Ann Contact");
        assertThat(m.get("authorId").isNull()).isTrue();
    }

    @Test
    void aContactMessageWithoutContactNameIsNamedAfterTheContactEmail() {
        // Given
        String anonymous = tickets.create(owner, body("subject", "Mail", "contactEmail", "bob@example.com"))
                .get("id").stringValue();

        // When
        JsonNode m = tickets.messaged(owner, anonymous, Map.of("body", "Hi", "authorType", "contact"));

        // Then
        assertThat(m.get("authorName").stringValue()).isEqualTo("bob@example.com");
        assertThat(m.get("authorId").isNull()).isTrue();
    }

    @Test
    void aContactMessageMayCarryItsOwnAuthorName() {
        // When
        JsonNode m = tickets.messaged(owner, id, Map.of("body", "Hi", "authorType", "contact",
                "authorName", "Ann's colleague"));

        // Then
        assertThat(m.get("authorName").stringValue()).isEqualTo("Ann's colleague");
        assertThat(m.get("authorId").isNull()).isTrue();
    }

    @Test
    void aSystemMessageIsNamedSystemAndHasNoAuthorId() {
        // When
        JsonNode m = tickets.messaged(owner, id, Map.of("body", "SLA breached", "authorType", "system"));

        // Then
        assertThat(m.get("authorType").stringValue()).isEqualTo("system");
        assertThat(m.get("authorName").stringValue()).isEqualTo("System");
        assertThat(m.get("authorId").isNull()).isTrue();
    }

    @Test
    void aSessionAlwaysWritesAsTheSignedInAgent() {
        // Given
        HttpApi.Session agent = tickets.member(owner, "agent", "Alma Agent");

        // When
        HttpApi.Response r = api.post(TICKETS + "/" + id + "/messages").session(agent)
                .header("x-entity-id", owner.entity())
                .json(Map.of("body", "On it", "authorType", "contact", "authorName", "Someone Else")).send();

        // Then
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode m = r.json();
        assertThat(m.get("authorType").stringValue()).isEqualTo("agent");
        assertThat(m.get("authorId").stringValue()).isEqualTo(agent.userId().toString());
        assertThat(m.get("authorName").stringValue()).isEqualTo("Alma Agent");
    }

    @Test
    void anInternalNoteIsKeptAsInternal() {
        // When
        JsonNode m = tickets.messaged(owner, id, Map.of("body", "Customer is grumpy", "isInternal", true));

        // Then
        assertThat(m.get("isInternal").booleanValue()).isTrue();
        assertThat(tickets.get(owner, id).get("messages").get(0).get("isInternal").booleanValue()).isTrue();
    }

    @Test
    void anInternalContactMessageIs400() {
        assertError(tickets.message(owner, id, Map.of("body", "x", "authorType", "contact", "isInternal", true)), 400);
        assertThat(messageCount()).isZero();
    }

    @Test
    void emptyBodyIs400() {
        assertError(tickets.message(owner, id, Map.of("body", "")), 400);
        assertThat(messageCount()).isZero();
    }

    @Test
    void missingBodyIs400() {
        assertError(tickets.message(owner, id, Map.of("isInternal", false)), 400);
        assertError(tickets.message(owner, id, body("body", null)), 400);
        assertThat(messageCount()).isZero();
    }

    @Test
    void bodyOf100000CharactersIsAccepted() {
        // When
        JsonNode m = tickets.messaged(owner, id, Map.of("body", "b".repeat(100_000)));

        // Then
        assertThat(m.get("body").stringValue()).hasSize(100_000);
    }

    @Test
    void bodyOf100001CharactersIs400() {
        assertError(tickets.message(owner, id, Map.of("body", "b".repeat(100_001))), 400);
        assertThat(messageCount()).isZero();
    }

    @Test
    void unknownAuthorTypeIs400() {
        assertError(tickets.message(owner, id, Map.of("body", "x", "authorType", "robot")), 400);
        assertThat(messageCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"body\": 42}", "{\"body\": \"x\", \"isInternal\": \"yes\"}",
            "{\"body\": \"x\", \"isInternal\": 1}", "{\"body\": \"x\", \"authorType\": 1}",
            "{\"body\": \"x\", \"authorName\": true}", "[\"x\"]", "\"x\"", "{\"body\": ", "{\"body\": \"x\"} 1"})
    void badInputIs400AndAddsNoMessage(String raw) {
        // When
        HttpApi.Response r = api.post(TICKETS + "/" + id + "/messages").bearer(owner.apiKey())
                .raw(raw, "application/json").send();

        // Then
        assertError(r, 400);
        assertThat(messageCount()).isZero();
    }

    @Test
    void messageOnAnUnknownTicketIs404() {
        assertError(tickets.message(owner, UUID.randomUUID().toString(), Map.of("body", "x")), 404);
    }

    @Test
    void messageOnAMalformedTicketIdIs400() {
        assertError(tickets.message(owner, "nope", Map.of("body", "x")), 400);
    }

    @Test
    void messageOnATicketOfAnotherEntityIs404AndAddsNothing() {
        // Given
        HttpApi.Owner other = api.newOwner();

        // When
        HttpApi.Response r = api.post(TICKETS + "/" + id + "/messages").bearer(other.apiKey())
                .json(Map.of("body", "intruder")).send();

        // Then
        assertError(r, 404);
        assertThat(messageCount()).isZero();
    }
}
