package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.TIMESTAMP;
import static org.helpdesk.support.TicketApi.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ticket history, API.md §5: what is recorded, by whom, and the events route with its paging. */
class TicketHistoryIT extends ApiTest {
    static final List<String> EVENT_FIELDS = List.of("id", "ticketId", "type", "actorType", "actorId", "actorName",
            "changes", "messageId", "createdAt");

    private TicketApi tickets;
    private HttpApi.Owner owner;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
    }

    private JsonNode events(String ticketId) {
        HttpApi.Response r = api.get(TICKETS + "/" + ticketId + "/events").bearer(owner.apiKey()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> types(JsonNode events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.get("type").stringValue()));
        return out;
    }

    @Test
    void aNewTicketHasOneCreatedEventByTheKeysUser() {
        String id = tickets.create(owner, "Printer on fire").get("id").stringValue();

        JsonNode events = events(id);

        assertThat(events).hasSize(1);
        JsonNode created = events.get(0);
        TicketApi.assertFields(created, EVENT_FIELDS);
        assertThat(created.get("type").stringValue()).isEqualTo("created");
        assertThat(created.get("ticketId").stringValue()).isEqualTo(id);
        assertThat(created.get("actorType").stringValue()).isEqualTo("agent");
        assertThat(created.get("actorId").stringValue()).isEqualTo(owner.session().userId().toString());
        assertThat(created.get("actorName").stringValue()).isEqualTo(TicketApi.OWNER_NAME);
        assertThat(created.get("changes").isObject()).isTrue();
        assertThat(created.get("changes").size()).isZero();
        assertThat(created.get("messageId").isNull()).isTrue();
        assertThat(created.get("createdAt").stringValue()).matches(TIMESTAMP);
    }

    @Test
    void anUpdateRecordsFromAndToOfEachChangedFieldOnly() {
        String id = tickets.create(owner, body("subject", "Old", "contactName", "Ann")).get("id").stringValue();

        tickets.patched(owner, id, body("subject", "New", "priority", "urgent", "contactName", null,
                "status", "new"));

        JsonNode updated = events(id).get(1);
        assertThat(updated.get("type").stringValue()).isEqualTo("updated");
        JsonNode changes = updated.get("changes");
        assertThat(changes.propertyNames()).containsExactlyInAnyOrder("subject", "priority", "contactName");
        assertThat(changes.get("subject").get("from").stringValue()).isEqualTo("Old");
        assertThat(changes.get("subject").get("to").stringValue()).isEqualTo("New");
        assertThat(changes.get("priority").get("from").stringValue()).isEqualTo("normal");
        assertThat(changes.get("priority").get("to").stringValue()).isEqualTo("urgent");
        assertThat(changes.get("contactName").get("from").stringValue()).isEqualTo("Ann");
        assertThat(changes.get("contactName").get("to").isNull()).isTrue();
    }

    @Test
    void aPatchThatChangesNothingRecordsNothing() {
        String id = tickets.create(owner, body("subject", "Same", "priority", "high")).get("id").stringValue();

        tickets.patched(owner, id, Map.of());
        tickets.patched(owner, id, body("subject", "Same", "priority", "high"));

        assertThat(types(events(id))).containsExactly("created");
    }

    @Test
    void aPublicReplyOnANewTicketRecordsTheMessageThenTheStatusMove() {
        String id = tickets.create(owner, "Help").get("id").stringValue();

        JsonNode message = tickets.messaged(owner, id, Map.of("body", "On it"));

        JsonNode events = events(id);
        assertThat(types(events)).containsExactly("created", "message_added", "updated");
        JsonNode added = events.get(1);
        assertThat(added.get("messageId").stringValue()).isEqualTo(message.get("id").stringValue());
        assertThat(added.get("changes").size()).isZero();
        JsonNode moved = events.get(2);
        assertThat(moved.get("changes").propertyNames()).containsExactly("status");
        assertThat(moved.get("changes").get("status").get("from").stringValue()).isEqualTo("new");
        assertThat(moved.get("changes").get("status").get("to").stringValue()).isEqualTo("open");
        assertThat(moved.get("actorId").stringValue()).isEqualTo(added.get("actorId").stringValue());
        assertThat(moved.get("messageId").isNull()).isTrue();
    }

    @Test
    void aContactReplyReopensAResolvedTicketAndIsRecordedAsTheContact() {
        String id = tickets.create(owner, body("subject", "Fixed?", "contactEmail", "pat@example.com",
                "contactName", "Pat")).get("id").stringValue();
        tickets.patched(owner, id, Map.of("status", "resolved"));

        tickets.messaged(owner, id, Map.of("body", "Still broken", "authorType", "contact"));

        JsonNode events = events(id);
        assertThat(types(events)).containsExactly("created", "updated", "message_added", "updated");
        JsonNode reopened = events.get(3);
        assertThat(reopened.get("actorType").stringValue()).isEqualTo("contact");
        assertThat(reopened.get("actorId").isNull()).isTrue();
        assertThat(reopened.get("actorName").stringValue()).isEqualTo("Pat");
        assertThat(reopened.get("changes").get("status").get("from").stringValue()).isEqualTo("resolved");
        assertThat(reopened.get("changes").get("status").get("to").stringValue()).isEqualTo("open");
    }

    @Test
    void anInternalNoteRecordsOnlyTheMessage() {
        String id = tickets.create(owner, "Quiet").get("id").stringValue();

        tickets.messaged(owner, id, Map.of("body", "note to self", "isInternal", true));

        assertThat(types(events(id))).containsExactly("created", "message_added");
    }

    @Test
    void deletingACategoryRecordsTheLossOnEachTicketInTheDeletersName() {
        String categoryId = tickets.createCategory(owner, "Hardware").get("id").stringValue();
        String inIt = tickets.create(owner, body("subject", "In it", "categoryId", categoryId)).get("id").stringValue();
        String notInIt = tickets.create(owner, "Not in it").get("id").stringValue();

        HttpApi.Response deleted = api.delete(TicketApi.CATEGORIES + "/" + categoryId + "?entityId=" + owner.entity())
                .session(owner.session()).send();
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        JsonNode events = events(inIt);
        assertThat(types(events)).containsExactly("created", "updated");
        JsonNode lost = events.get(1);
        assertThat(lost.get("actorId").stringValue()).isEqualTo(owner.session().userId().toString());
        assertThat(lost.get("changes").propertyNames()).containsExactly("categoryId");
        assertThat(lost.get("changes").get("categoryId").get("from").stringValue()).isEqualTo(categoryId);
        assertThat(lost.get("changes").get("categoryId").get("to").isNull()).isTrue();
        assertThat(types(events(notInIt))).containsExactly("created");
    }

    @Test
    void removingAMemberRecordsTheUnassignmentOnEachTicketTheyHeld() {
        HttpApi.Session agent = tickets.member(owner, "agent", "Alex Agent");
        String held = tickets.create(owner, body("subject", "Held", "assignedTo", agent.userId().toString()))
                .get("id").stringValue();

        HttpApi.Response removed = api.delete("/api/settings/members/" + agent.userId() + "?entityId=" + owner.entity())
                .session(owner.session()).send();
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);

        JsonNode events = events(held);
        assertThat(types(events)).containsExactly("created", "updated");
        JsonNode change = events.get(1).get("changes").get("assignedTo");
        assertThat(change.get("from").stringValue()).isEqualTo(agent.userId().toString());
        assertThat(change.get("to").isNull()).isTrue();
        assertThat(events.get(1).get("actorName").stringValue()).isEqualTo(TicketApi.OWNER_NAME);
    }

    @Test
    void historyPagesOldestFirstWithALinkToTheNextPage() {
        String id = tickets.create(owner, "Busy").get("id").stringValue();
        for (int i = 0; i < 6; i++) {
            tickets.messaged(owner, id, Map.of("body", "note " + i, "isInternal", true));
        }
        List<String> seen = new ArrayList<>();
        String next = TICKETS + "/" + id + "/events?limit=3";
        int pages = 0;
        while (next != null) {
            HttpApi.Response page = api.get(next).bearer(owner.apiKey()).send();
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().forEach(e -> seen.add(e.get("id").stringValue()));
            pages++;
            next = TicketApi.nextLink(page);
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(seen).isEqualTo(seen.stream().sorted().toList());
        List<String> all = new ArrayList<>();
        events(id).forEach(e -> all.add(e.get("id").stringValue()));
        assertThat(seen).isEqualTo(all);
    }

    @Test
    void historyOfAnotherEntitysTicketIsNotFoundAndBadPagingIs400() {
        String id = tickets.create(owner, "Mine").get("id").stringValue();
        HttpApi.Owner stranger = api.newOwner();

        TicketApi.assertError(api.get(TICKETS + "/" + id + "/events").bearer(stranger.apiKey()).send(), 404);
        TicketApi.assertError(api.get(TICKETS + "/" + id + "/events?entityId=" + stranger.entity())
                .session(owner.session()).send(), 403);
        TicketApi.assertError(api.get(TICKETS + "/" + id + "/events?limit=0").bearer(owner.apiKey()).send(), 400);
        TicketApi.assertError(api.get(TICKETS + "/" + id + "/events?limit=x").bearer(owner.apiKey()).send(), 400);
        TicketApi.assertError(api.get(TICKETS + "/" + id + "/events?cursor=zzz").bearer(owner.apiKey()).send(), 400);
        TicketApi.assertError(api.get(TICKETS + "/nope/events").bearer(owner.apiKey()).send(), 400);
    }
}
