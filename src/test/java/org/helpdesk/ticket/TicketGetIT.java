package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.assertError;
import static org.helpdesk.support.TicketApi.assertFields;
import static org.helpdesk.support.TicketApi.body;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** GET /api/helpdesk/tickets/{id} (API.md §3). */
class TicketGetIT extends ApiTest {
    private TicketApi tickets;
    private HttpApi.Owner owner;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
    }

    @Test
    void ticketComesWithItsMessagesOldestFirst() {
        // Given
        JsonNode created = tickets.create(owner, body("subject", "Chatty", "contactName", "Ann"));
        String id = created.get("id").stringValue();
        List<String> sent = List.of("first", "second", "third", "fourth");
        for (String text : sent) {
            tickets.messaged(owner, id, body("body", text));
        }

        // When
        JsonNode t = tickets.get(owner, id);

        // Then
        List<String> fields = new ArrayList<>(TicketApi.TICKET_FIELDS);
        fields.add("attachments");
        fields.add("messages");
        assertFields(t, fields);
        assertThat(t.get("ticketNumber").stringValue()).isEqualTo("HD-1");
        List<String> bodies = new ArrayList<>();
        t.get("messages").forEach(m -> {
            assertFields(m, TicketApi.MESSAGE_FIELDS);
            assertThat(m.get("ticketId").stringValue()).isEqualTo(id);
            bodies.add(m.get("body").stringValue());
        });
        assertThat(bodies).isEqualTo(sent);
    }

    @Test
    void messagesPostedInQuickSuccessionAreListedInTheOrderTheyWereWritten() {
        // Given
        String id = tickets.create(owner, "Rapid fire").get("id").stringValue();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String text = "message " + i;
            sent.add(tickets.messaged(owner, id, body("body", text, "authorType", i % 2 == 0 ? "agent" : "contact"))
                    .get("id").stringValue());
        }

        // When
        JsonNode t = tickets.get(owner, id);

        // Then
        List<String> listed = new ArrayList<>();
        t.get("messages").forEach(m -> listed.add(m.get("id").stringValue()));
        assertThat(listed).isEqualTo(sent);
    }

    @Test
    void ticketWithoutMessagesHasAnEmptyMessageList() {
        // Given
        String id = tickets.create(owner, "Quiet").get("id").stringValue();

        // When
        JsonNode t = tickets.get(owner, id);

        // Then
        assertThat(t.get("messages").isArray()).isTrue();
        assertThat(t.get("messages")).isEmpty();
        assertThat(t.get("description").isNull()).isTrue();
    }

    @Test
    void getReturnsWhatCreateReturned() {
        // Given
        JsonNode created = tickets.create(owner, body("subject", "Same", "description", "d",
                "contactEmail", "c@example.com", "priority", "high"));

        // When
        JsonNode t = tickets.get(owner, created.get("id").stringValue());

        // Then
        for (String field : TicketApi.TICKET_FIELDS) {
            assertThat(t.get(field)).as(field).isEqualTo(created.get(field));
        }
    }

    @Test
    void unknownTicketIs404() {
        assertError(api.get(TICKETS + "/" + UUID.randomUUID()).bearer(owner.apiKey()).send(), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "123", "HD-1", "0190a0b0-0000-7000-8000-00000000000"})
    void malformedIdIs400(String id) {
        assertError(api.get(TICKETS + "/" + id).bearer(owner.apiKey()).send(), 400);
    }

    @Test
    void ticketOfAnotherEntityIs404() {
        // Given
        HttpApi.Owner other = api.newOwner();
        String foreign = tickets.create(other, "Not yours").get("id").stringValue();

        // When
        HttpApi.Response r = api.get(TICKETS + "/" + foreign).bearer(owner.apiKey()).send();

        // Then
        assertError(r, 404);
        assertThat(r.body()).doesNotContain("Not yours");
    }

    @Test
    void aViewerSessionCanReadATicket() {
        // Given
        HttpApi.Session viewer = tickets.member(owner, "viewer", "Vic Viewer");
        String id = tickets.create(owner, "Readable").get("id").stringValue();

        // When
        HttpApi.Response r = api.get(TICKETS + "/" + id + "?entityId=" + owner.entity()).session(viewer).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("subject").stringValue()).isEqualTo("Readable");
    }
}
