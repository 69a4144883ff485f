package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.TIMESTAMP;
import static org.helpdesk.support.TicketApi.body;
import static org.helpdesk.support.TicketApi.nextMillisecond;

import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The lifecycle rules of API.md §3: status moves and the server-owned timestamps. */
class TicketLifecycleIT extends ApiTest {
    private TicketApi tickets;
    private HttpApi.Owner owner;
    private String id;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
        id = tickets.create(owner, body("subject", "Lifecycle", "contactName", "Ann")).get("id").stringValue();
    }

    private JsonNode ticket() {
        return tickets.get(owner, id);
    }

    private JsonNode setStatus(String status) {
        nextMillisecond();
        return tickets.patched(owner, id, Map.of("status", status));
    }

    private void message(Map<String, ?> message) {
        nextMillisecond();
        tickets.messaged(owner, id, message);
    }

    @Test
    void firstPublicAgentMessageSetsFirstResponseAtOnce() {
        // Given
        message(Map.of("body", "First answer"));
        JsonNode afterFirst = ticket();

        // When
        message(Map.of("body", "Second answer"));

        // Then
        String first = afterFirst.get("firstResponseAt").stringValue();
        assertThat(first).matches(TIMESTAMP);
        assertThat(first).isEqualTo(afterFirst.get("messages").get(0).get("createdAt").stringValue());
        assertThat(ticket().get("firstResponseAt").stringValue()).isEqualTo(first);
    }

    @Test
    void anAgentSessionMessageSetsFirstResponseAt() {
        // Given
        HttpApi.Session agent = tickets.member(owner, "agent", "Alma Agent");

        // When
        api.post(TICKETS + "/" + id + "/messages").session(agent).header("x-entity-id", owner.entity())
                .json(Map.of("body", "Looking into it")).send();

        // Then
        assertThat(ticket().get("firstResponseAt").stringValue()).matches(TIMESTAMP);
    }

    @Test
    void internalNoteDoesNotSetFirstResponseAt() {
        // When
        message(Map.of("body", "note to self", "isInternal", true));

        // Then
        assertThat(ticket().get("firstResponseAt").isNull()).isTrue();
    }

    @Test
    void contactMessageDoesNotSetFirstResponseAt() {
        // When
        message(Map.of("body", "hello?", "authorType", "contact"));

        // Then
        assertThat(ticket().get("firstResponseAt").isNull()).isTrue();
    }

    @Test
    void systemMessageDoesNotSetFirstResponseAt() {
        // When
        message(Map.of("body", "auto-reply", "authorType", "system"));

        // Then
        assertThat(ticket().get("firstResponseAt").isNull()).isTrue();
    }

    @Test
    void firstResponseAtIsSetByTheFirstPublicAgentMessageAfterNotesAndContactMessages() {
        // Given
        message(Map.of("body", "note", "isInternal", true));
        message(Map.of("body", "hello?", "authorType", "contact"));
        message(Map.of("body", "auto", "authorType", "system"));

        // When
        message(Map.of("body", "The answer"));

        // Then
        JsonNode t = ticket();
        assertThat(t.get("firstResponseAt").stringValue()).isEqualTo(t.get("messages").get(3).get("createdAt")
                .stringValue());
    }

    @Test
    void publicAgentMessageMovesANewTicketToOpen() {
        // When
        message(Map.of("body", "We are on it"));

        // Then
        assertThat(ticket().get("status").stringValue()).isEqualTo("open");
    }

    @Test
    void internalNoteLeavesANewTicketNew() {
        // When
        message(Map.of("body", "note", "isInternal", true));

        // Then
        assertThat(ticket().get("status").stringValue()).isEqualTo("new");
    }

    @Test
    void publicAgentMessageLeavesAPendingTicketPending() {
        // Given
        setStatus("pending");

        // When
        message(Map.of("body", "Any news?"));

        // Then
        assertThat(ticket().get("status").stringValue()).isEqualTo("pending");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "resolved", "closed"})
    void contactMessageReopensAWaitingOrFinishedTicket(String status) {
        // Given
        setStatus(status);

        // When
        message(Map.of("body", "It broke again", "authorType", "contact"));

        // Then
        JsonNode t = ticket();
        assertThat(t.get("status").stringValue()).isEqualTo("open");
        assertThat(t.get("resolvedAt").isNull()).isTrue();
        assertThat(t.get("closedAt").isNull()).isTrue();
    }

    @Test
    void contactMessageLeavesANewTicketNew() {
        // When
        message(Map.of("body", "More details", "authorType", "contact"));

        // Then
        assertThat(ticket().get("status").stringValue()).isEqualTo("new");
    }

    @Test
    void resolvingSetsResolvedAt() {
        // When
        JsonNode t = setStatus("resolved");

        // Then
        assertThat(t.get("resolvedAt").stringValue()).matches(TIMESTAMP).isEqualTo(t.get("updatedAt").stringValue());
        assertThat(t.get("closedAt").isNull()).isTrue();
    }

    @Test
    void closingWithoutResolvingSetsResolvedAtAndClosedAt() {
        // When
        JsonNode t = setStatus("closed");

        // Then
        assertThat(t.get("closedAt").stringValue()).matches(TIMESTAMP);
        assertThat(t.get("resolvedAt").stringValue()).isEqualTo(t.get("closedAt").stringValue());
    }

    @Test
    void closingAResolvedTicketKeepsItsResolvedAt() {
        // Given
        String resolvedAt = setStatus("resolved").get("resolvedAt").stringValue();

        // When
        JsonNode t = setStatus("closed");

        // Then
        assertThat(t.get("resolvedAt").stringValue()).isEqualTo(resolvedAt);
        assertThat(t.get("closedAt").stringValue()).isGreaterThan(resolvedAt);
    }

    @Test
    void creatingAClosedTicketSetsResolvedAtAndClosedAt() {
        // When
        JsonNode t = tickets.create(owner, Map.of("subject", "Done already", "status", "closed"));

        // Then
        assertThat(t.get("status").stringValue()).isEqualTo("closed");
        assertThat(t.get("resolvedAt").stringValue()).matches(TIMESTAMP);
        assertThat(t.get("closedAt").stringValue()).matches(TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "open", "pending"})
    void movingBackFromClosedClearsResolvedAtAndClosedAt(String status) {
        // Given
        setStatus("closed");

        // When
        JsonNode t = setStatus(status);

        // Then
        assertThat(t.get("status").stringValue()).isEqualTo(status);
        assertThat(t.get("resolvedAt").isNull()).isTrue();
        assertThat(t.get("closedAt").isNull()).isTrue();
        assertThat(ticket().get("resolvedAt").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"new", "open", "pending"})
    void movingBackFromResolvedClearsResolvedAt(String status) {
        // Given
        setStatus("resolved");

        // When
        JsonNode t = setStatus(status);

        // Then
        assertThat(t.get("resolvedAt").isNull()).isTrue();
        assertThat(t.get("closedAt").isNull()).isTrue();
    }

    @Test
    void updatedAtMovesOnEveryChange() {
        // Given
        String before = ticket().get("updatedAt").stringValue();

        // When
        JsonNode t = setStatus("open");
        nextMillisecond();
        JsonNode t2 = tickets.patched(owner, id, Map.of("priority", "high"));

        // Then
        assertThat(t.get("updatedAt").stringValue()).isGreaterThan(before);
        assertThat(t2.get("updatedAt").stringValue()).isGreaterThan(t.get("updatedAt").stringValue());
        assertThat(ticket().get("updatedAt")).isEqualTo(t2.get("updatedAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"agent", "contact", "system"})
    void updatedAtMovesOnEveryNewMessage(String authorType) {
        // Given
        String before = ticket().get("updatedAt").stringValue();

        // When
        message(Map.of("body", "ping", "authorType", authorType));

        // Then
        JsonNode t = ticket();
        assertThat(t.get("updatedAt").stringValue()).isGreaterThan(before)
                .isEqualTo(t.get("messages").get(0).get("createdAt").stringValue());
    }

    @Test
    void updatedAtMovesOnAnInternalNote() {
        // Given
        String before = ticket().get("updatedAt").stringValue();

        // When
        message(Map.of("body", "note", "isInternal", true));

        // Then
        assertThat(ticket().get("updatedAt").stringValue()).isGreaterThan(before);
    }
}
