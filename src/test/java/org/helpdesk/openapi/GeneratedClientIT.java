package org.helpdesk.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.client.ApiClient;
import org.helpdesk.client.ApiException;
import org.helpdesk.client.ApiResponse;
import org.helpdesk.client.api.CategoriesApi;
import org.helpdesk.client.api.TicketsApi;
import org.helpdesk.client.model.AuthorType;
import org.helpdesk.client.model.Category;
import org.helpdesk.client.model.Message;
import org.helpdesk.client.model.NewCategory;
import org.helpdesk.client.model.NewMessage;
import org.helpdesk.client.model.NewTicket;
import org.helpdesk.client.model.Priority;
import org.helpdesk.client.model.Ticket;
import org.helpdesk.client.model.TicketEvent;
import org.helpdesk.client.model.TicketPatch;
import org.helpdesk.client.model.TicketStatus;
import org.helpdesk.client.model.TicketWithMessages;
import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Java client that openapi-generator makes from static/api/openapi.yaml at build time (target/, never
 * committed) drives every ticket route against the running app: the document is usable, not only valid.
 */
class GeneratedClientIT extends ApiTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private Owner owner;
    private TicketsApi tickets;
    private CategoriesApi categories;

    @BeforeEach
    void setUp() {
        owner = api.newOwner();
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + owner.apiKey()));
        tickets = new TicketsApi(client);
        categories = new CategoriesApi(client);
    }

    @Test
    void everyTicketRouteWorksThroughTheGeneratedClient() throws ApiException {
        // Given
        Category billing = categories.createCategory(new NewCategory().name("Billing"), null, null);

        // When: create (with an idempotency key, twice), read, patch, reply, list
        NewTicket draft = new NewTicket().subject("Printer is on fire").priority(Priority.HIGH)
                .contactEmail("pat@example.com").categoryId(billing.getId());
        String idempotencyKey = UUID.randomUUID().toString();
        ApiResponse<Ticket> created = tickets.createTicketWithHttpInfo(draft, idempotencyKey, null, null);
        Ticket replayed = tickets.createTicket(draft, idempotencyKey, null, null);
        Ticket ticket = created.getData();
        TicketWithMessages read = tickets.getTicket(ticket.getId(), owner.entityId(), null);
        Ticket patched = tickets.updateTicket(ticket.getId(), new TicketPatch().status(TicketStatus.PENDING), null, owner.entityId());
        Message reply = tickets.addMessage(ticket.getId(), new NewMessage().body("We are on it."), null, null, null);
        Message note = tickets.addMessage(ticket.getId(), new NewMessage().body("internal").isInternal(true), null, null, null);
        TicketWithMessages after = tickets.getTicket(ticket.getId(), null, null);
        List<Ticket> list = tickets.listTickets(List.of(TicketStatus.PENDING, TicketStatus.OPEN), List.of(Priority.HIGH),
                null, "printer", null, null, billing.getId(), "2020-01-01", null, "-updatedAt", null, null, 10, null, null, null);

        // Then
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders().get("location")).singleElement().asString().endsWith(ticket.getId().toString());
        assertThat(replayed.getId()).isEqualTo(ticket.getId());
        assertThat(ticket.getTicketNumber()).isEqualTo("HD-1");
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.getEntityId()).isEqualTo(owner.entityId());
        assertThat(read.getMessages()).isEmpty();
        assertThat(patched.getStatus()).isEqualTo(TicketStatus.PENDING);
        assertThat(reply.getAuthorType()).isEqualTo(AuthorType.AGENT);
        assertThat(note.getIsInternal()).isTrue();
        assertThat(after.getMessages()).extracting(Message::getId).containsExactly(reply.getId(), note.getId());
        assertThat(after.getFirstResponseAt()).isNotNull();
        assertThat(list).extracting(Ticket::getId).containsExactly(ticket.getId());
    }

    @Test
    void pagingFollowsTheNextLinkUntilEveryTicketWasSeenOnce() throws ApiException {
        // Given
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(tickets.createTicket(new NewTicket().subject("page " + i), null, null, null).getId());
        }

        // When
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResponse<List<Ticket>> page = tickets.listTicketsWithHttpInfo(null, null, null, null, null, null, null,
                    null, null, "createdAt", null, null, 3, cursor, null, null);
            page.getData().forEach(t -> seen.add(t.getId()));
            pages++;
            cursor = nextCursor(page.getHeaders());
        } while (cursor != null && pages < 10);

        // Then
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(made);
    }

    @Test
    void theHistoryIsReadPageByPageThroughTheGeneratedClient() throws ApiException {
        // Given: created, two changes, a message
        Ticket ticket = tickets.createTicket(new NewTicket().subject("history"), null, null, null);
        tickets.updateTicket(ticket.getId(), new TicketPatch().priority(Priority.URGENT), null, null);
        tickets.updateTicket(ticket.getId(), new TicketPatch().status(TicketStatus.PENDING), null, null);
        tickets.addMessage(ticket.getId(), new NewMessage().body("note").isInternal(true), null, null, null);

        // When
        List<TicketEvent> events = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResponse<List<TicketEvent>> page = tickets.listTicketEventsWithHttpInfo(ticket.getId(), 3, cursor, null, null);
            events.addAll(page.getData());
            pages++;
            cursor = nextCursor(page.getHeaders());
        } while (cursor != null && pages < 10);

        // Then
        assertThat(pages).isEqualTo(2);
        assertThat(events).extracting(e -> e.getType().getValue())
                .containsExactly("created", "updated", "updated", "message_added");
        assertThat(events.get(1).getChanges().get("priority").getTo()).isEqualTo("urgent");
        assertThat(events.get(3).getMessageId()).isNotNull();
    }

    @Test
    void errorsComeBackAsApiExceptionsWithTheContractShape() {
        assertThatThrownBy(() -> tickets.getTicket(UUID.randomUUID(), null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).startsWith("{\"error\":");
                });
        assertThatThrownBy(() -> tickets.createTicket(new NewTicket().subject(" "), null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }

    private static String nextCursor(Map<String, List<String>> headers) {
        List<String> links = headers.getOrDefault("link", List.of());
        for (String link : links) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                return UriComponentsBuilder.fromUri(URI.create(m.group(1))).build().getQueryParams().getFirst("cursor");
            }
        }
        return null;
    }
}
