package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.assertError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Safe retries of POST ticket and POST message with an Idempotency-Key (API.md §3). */
class IdempotencyIT extends ApiTest {
    private static final String KEY = "Idempotency-Key";

    private TicketApi tickets;
    private HttpApi.Owner owner;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
    }

    private HttpApi.Response postTicket(String idempotencyKey, String body) {
        return api.post(TICKETS).bearer(owner.apiKey()).header(KEY, idempotencyKey).raw(body, "application/json")
                .send();
    }

    private HttpApi.Response postMessage(String ticketId, String idempotencyKey, String body) {
        return api.post(TICKETS + "/" + ticketId + "/messages").bearer(owner.apiKey()).header(KEY, idempotencyKey)
                .raw(body, "application/json").send();
    }

    private int messageCount(String ticketId) {
        return tickets.get(owner, ticketId).get("messages").size();
    }

    @Test
    void retryingATicketCreateReturnsTheFirstResponseAndCreatesNothing() {
        // Given
        String body = "{\"subject\": \"Printer on fire\", \"priority\": \"high\"}";
        HttpApi.Response first = postTicket("create-1", body);

        // When
        HttpApi.Response retry = postTicket("create-1", body);

        // Then
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(first.status());
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(tickets.listIds(owner, "")).containsExactly(first.json().get("id").stringValue());
    }

    @Test
    void theSameKeyWithADifferentBodyIs409AndCreatesNothing() {
        // Given
        postTicket("create-2", "{\"subject\": \"first\"}");

        // When
        HttpApi.Response r = postTicket("create-2", "{\"subject\": \"second\"}");

        // Then
        assertError(r, 409);
        assertThat(tickets.listIds(owner, "")).hasSize(1);
    }

    @Test
    void differentKeysCreateDifferentTickets() {
        // When
        HttpApi.Response a = postTicket("key-a", "{\"subject\": \"same\"}");
        HttpApi.Response b = postTicket("key-b", "{\"subject\": \"same\"}");

        // Then
        assertThat(a.json().get("id")).isNotEqualTo(b.json().get("id"));
        assertThat(tickets.listIds(owner, "")).hasSize(2);
    }

    @Test
    void theSameKeyInAnotherEntityIsIndependent() {
        // Given
        HttpApi.Owner other = api.newOwner();
        postTicket("shared-key", "{\"subject\": \"mine\"}");

        // When
        HttpApi.Response theirs = api.post(TICKETS).bearer(other.apiKey()).header(KEY, "shared-key")
                .raw("{\"subject\": \"theirs\"}", "application/json").send();

        // Then
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("subject").stringValue()).isEqualTo("theirs");
        assertThat(tickets.listIds(other, "")).hasSize(1);
    }

    @Test
    void retryingAMessageReturnsTheFirstResponseAndAddsNothing() {
        // Given
        String ticketId = tickets.create(owner, "chat").get("id").stringValue();
        String body = "{\"body\": \"Hello\"}";
        HttpApi.Response first = postMessage(ticketId, "msg-1", body);

        // When
        HttpApi.Response retry = postMessage(ticketId, "msg-1", body);

        // Then
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(messageCount(ticketId)).isEqualTo(1);
    }

    @Test
    void theSameMessageKeyWithADifferentBodyIs409() {
        // Given
        String ticketId = tickets.create(owner, "chat").get("id").stringValue();
        postMessage(ticketId, "msg-2", "{\"body\": \"Hello\"}");

        // When
        HttpApi.Response r = postMessage(ticketId, "msg-2", "{\"body\": \"Goodbye\"}");

        // Then
        assertError(r, 409);
        assertThat(messageCount(ticketId)).isEqualTo(1);
    }

    @Test
    void aKeyOf255CharactersIsAccepted() {
        assertThat(postTicket("k".repeat(255), "{\"subject\": \"long key\"}").status()).isEqualTo(201);
    }

    @Test
    void aKeyLongerThan255CharactersIs400AndCreatesNothing() {
        assertError(postTicket("k".repeat(256), "{\"subject\": \"too long key\"}"), 400);
        String ticketId = tickets.create(owner, "chat").get("id").stringValue();
        assertError(postMessage(ticketId, "k".repeat(256), "{\"body\": \"x\"}"), 400);
        assertThat(tickets.listIds(owner, "")).containsExactly(ticketId);
        assertThat(messageCount(ticketId)).isZero();
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneTicket() throws Exception {
        // Given
        String body = "{\"subject\": \"Sent ten times at once\"}";

        // When
        List<HttpApi.Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpApi.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> postTicket("burst", body)));
            }
            for (Future<HttpApi.Response> f : futures) {
                responses.add(f.get());
            }
        }

        // Then
        List<String> ids = tickets.listIds(owner, "");
        assertThat(ids).hasSize(1);
        for (HttpApi.Response r : responses) {
            assertThat(r.status()).as(r.body()).isIn(201, 409);
            if (r.status() == 201) {
                assertThat(r.json().get("id").stringValue()).isEqualTo(ids.get(0));
            } else {
                assertError(r, 409);
            }
        }
    }
}
