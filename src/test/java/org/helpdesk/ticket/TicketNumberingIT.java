package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/** Ticket numbers stay unique per entity under concurrent creation (API.md §3, ticketNumber). */
class TicketNumberingIT extends ApiTest {

    @Test
    void fiftyConcurrentCreatesInOneEntityGetFiftyDistinctNumbers() throws Exception {
        // Given
        HttpApi.Owner owner = api.newOwner();
        TicketApi tickets = new TicketApi(api);

        // When
        List<HttpApi.Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpApi.Response>> futures = IntStream.range(0, 50)
                    .mapToObj(i -> pool.submit(() -> api.post(TICKETS).bearer(owner.apiKey())
                            .json(Map.of("subject", "concurrent " + i)).send()))
                    .toList();
            for (Future<HttpApi.Response> f : futures) {
                responses.add(f.get());
            }
        }

        // Then
        Set<String> numbers = new HashSet<>();
        for (HttpApi.Response r : responses) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            numbers.add(r.json().get("ticketNumber").stringValue());
        }
        Set<String> expected = new HashSet<>();
        IntStream.rangeClosed(1, 50).forEach(n -> expected.add("HD-" + n));
        assertThat(numbers).isEqualTo(expected);
        assertThat(tickets.listIds(owner, "limit=200")).hasSize(50);
    }
}
