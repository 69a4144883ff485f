package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.assertError;

import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Bad input on the ticket routes is refused with {"error": ...} and changes no data (API.md §1). */
class TicketBadInputIT extends ApiTest {
    private TicketApi tickets;
    private HttpApi.Owner owner;
    private JsonNode existing;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
        existing = tickets.create(owner, "Existing");
    }

    private void assertNothingChanged() {
        assertThat(tickets.listIds(owner, "")).containsExactly(existing.get("id").stringValue());
        JsonNode now = tickets.get(owner, existing.get("id").stringValue());
        assertThat(now.get("updatedAt")).isEqualTo(existing.get("updatedAt"));
        assertThat(now.get("messages")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"subject\": ",                       // malformed
            "{subject: \"x\"}",                     // not JSON
            "not json at all",
            "",                                     // empty body
            "[{\"subject\": \"x\"}]",               // array
            "\"x\"",                                // string
            "42",
            "true",
            "null",
            "{\"subject\": \"x\"} {\"subject\": \"y\"}", // trailing content
            "{\"subject\": \"x\"} trailing",
            "{\"subject\": 42}",                    // wrong types
            "{\"subject\": [\"x\"]}",
            "{\"subject\": {\"text\": \"x\"}}",
            "{\"subject\": \"x\", \"description\": 1}",
            "{\"subject\": \"x\", \"status\": true}",
            "{\"subject\": \"x\", \"priority\": 2}",
            "{\"subject\": \"x\", \"channel\": null, \"priority\": 2}",
            "{\"subject\": \"x\", \"contactEmail\": false}",
            "{\"subject\": \"x\", \"contactName\": 7}",
            "{\"subject\": \"x\", \"categoryId\": 7}",
            "{\"subject\": \"x\", \"categoryId\": \"not-a-uuid\"}",
            "{\"subject\": \"x\", \"assignedTo\": \"not-a-uuid\"}",
            "{\"subject\": \"x\", \"status\": \"bogus\"}", // unknown enum values
            "{\"subject\": \"x\", \"status\": \"Open\"}",
            "{\"subject\": \"x\", \"priority\": \"critical\"}",
            "{\"subject\": \"x\", \"channel\": \"fax\"}"})
    void badCreateBodyIs400AndCreatesNothing(String raw) {
        // When
        HttpApi.Response r = api.post(TICKETS).bearer(owner.apiKey()).raw(raw, "application/json").send();

        // Then
        assertError(r, 400);
        assertNothingChanged();
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        // When
        HttpApi.Response r = api.post(TICKETS).bearer(owner.apiKey())
                .json(Map.of("subject", "huge", "description", "d".repeat(1_100_000))).send();

        // Then
        assertError(r, 413);
        assertNothingChanged();
    }

    @Test
    void aNonJsonContentTypeIs415() {
        // When
        HttpApi.Response r = api.post(TICKETS).bearer(owner.apiKey()).raw("{\"subject\": \"x\"}", "text/plain").send();

        // Then
        assertError(r, 415);
        assertNothingChanged();
    }

    @Test
    void aNonJsonContentTypeOnAPatchIs415() {
        // When
        HttpApi.Response r = api.patch(TICKETS + "/" + existing.get("id").stringValue()).bearer(owner.apiKey())
                .raw("subject=x", "application/x-www-form-urlencoded").send();

        // Then
        assertError(r, 415);
        assertNothingChanged();
    }

    @Test
    void aNonJsonContentTypeOnAMessageIs415() {
        // When
        HttpApi.Response r = api.post(TICKETS + "/" + existing.get("id").stringValue() + "/messages")
                .bearer(owner.apiKey()).raw("{\"body\": \"x\"}", "text/plain").send();

        // Then
        assertError(r, 415);
        assertNothingChanged();
    }

    @Test
    void jsonWithACharsetIsAccepted() {
        // When
        HttpApi.Response r = api.post(TICKETS).bearer(owner.apiKey())
                .raw("{\"subject\": \"Grüße\"}", "application/json; charset=utf-8").send();

        // Then
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("subject").stringValue()).isEqualTo("Grüße");
    }

    @Test
    void methodsTheContractDoesNotListAre405WithAnErrorBody() {
        // Given
        String path = TICKETS + "/" + existing.get("id").stringValue();

        // Then
        assertError(api.delete(path).bearer(owner.apiKey()).send(), 405);
        assertError(api.put(path).bearer(owner.apiKey()).json(Map.of("subject", "replaced")).send(), 405);
        assertError(api.delete(TICKETS).bearer(owner.apiKey()).send(), 405);
        assertNothingChanged();
    }

    @Test
    void anUnknownSubRouteIs404WithAnErrorBody() {
        assertError(api.get(TICKETS + "/" + existing.get("id").stringValue() + "/attachments").bearer(owner.apiKey())
                .send(), 404);
    }
}
