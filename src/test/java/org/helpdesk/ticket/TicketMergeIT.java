package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.assertError;
import static org.helpdesk.support.TicketApi.body;
import static org.helpdesk.support.TicketApi.nextMillisecond;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/helpdesk/tickets/{id}/merge (API.md §10). */
class TicketMergeIT extends ApiTest {
    private TicketApi tickets;
    private HttpApi.Owner owner;
    private String target;
    private String source;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
        target = tickets.create(owner, "Printer broken").get("id").stringValue();
        source = tickets.create(owner, "Printer still broken").get("id").stringValue();
    }

    private HttpApi.Response merge(String into, Object sourceIds) {
        return api.post(TICKETS + "/" + into + "/merge").bearer(owner.apiKey()).json(body("sourceIds", sourceIds)).send();
    }

    private JsonNode events(String id) {
        HttpApi.Response r = api.get(TICKETS + "/" + id + "/events").bearer(owner.apiKey()).send();
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    @Test
    void everyMessageOfTheSourceMovesToTheTargetKeepingItsTime() {
        JsonNode early = tickets.messaged(owner, source, Map.of("body", "first on source", "authorType", "contact"));
        nextMillisecond();
        tickets.messaged(owner, target, Map.of("body", "on target"));
        nextMillisecond();
        JsonNode late = tickets.messaged(owner, source, Map.of("body", "second on source", "isInternal", true));

        HttpApi.Response r = merge(target, List.of(source));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        TicketApi.assertFields(r.json(), TicketApi.TICKET_FIELDS);
        assertThat(r.json().get("id").stringValue()).isEqualTo(target);
        assertThat(r.json().get("mergedInto").isNull()).isTrue();
        JsonNode messages = tickets.get(owner, target).get("messages");
        List<String> bodies = new ArrayList<>();
        messages.forEach(m -> bodies.add(m.get("body").stringValue()));
        assertThat(bodies).containsExactly("first on source", "on target", "second on source");
        assertThat(messages.get(0).get("createdAt")).isEqualTo(early.get("createdAt"));
        assertThat(messages.get(0).get("id")).isEqualTo(early.get("id"));
        assertThat(messages.get(2).get("createdAt")).isEqualTo(late.get("createdAt"));
        assertThat(messages.get(2).get("isInternal").booleanValue()).isTrue();
    }

    @Test
    void theSourceIsClosedPointsAtTheTargetAndKeepsOnlyASystemNote() {
        tickets.messaged(owner, source, Map.of("body", "hello"));
        String number = tickets.get(owner, target).get("ticketNumber").stringValue();

        merge(target, List.of(source));

        JsonNode s = tickets.get(owner, source);
        assertThat(s.get("status").stringValue()).isEqualTo("closed");
        assertThat(s.get("mergedInto").stringValue()).isEqualTo(target);
        assertThat(s.get("closedAt").isNull()).isFalse();
        assertThat(s.get("messages")).hasSize(1);
        JsonNode note = s.get("messages").get(0);
        assertThat(note.get("body").stringValue()).isEqualTo("Merged into " + number);
        assertThat(note.get("authorType").stringValue()).isEqualTo("system");
        assertThat(note.get("isInternal").booleanValue()).isTrue();
    }

    @Test
    void theHistoryShowsMergedOnTheTargetAndUpdatedOnEachSource() {
        String second = tickets.create(owner, "Third report").get("id").stringValue();
        tickets.patched(owner, second, Map.of("status", "closed"));

        merge(target, List.of(source, second));

        List<JsonNode> merged = new ArrayList<>();
        events(target).forEach(e -> {
            if (e.get("type").stringValue().equals("merged")) {
                merged.add(e);
            }
        });
        assertThat(merged).hasSize(2);
        assertThat(merged.get(0).get("changes").toString())
                .isEqualTo("{\"mergedFrom\":{\"from\":null,\"to\":\"" + source + "\"}}");
        assertThat(merged.get(1).get("changes").get("mergedFrom").get("to").stringValue()).isEqualTo(second);
        assertThat(merged.get(0).get("actorType").stringValue()).isEqualTo("agent");
        assertThat(merged.get(0).get("messageId").isNull()).isTrue();

        JsonNode updated = null;
        for (JsonNode e : events(source)) {
            if (e.get("type").stringValue().equals("updated")) {
                updated = e;
            }
        }
        assertThat(updated).isNotNull();
        assertThat(updated.get("changes").get("status").toString()).isEqualTo("{\"from\":\"new\",\"to\":\"closed\"}");
        assertThat(updated.get("changes").get("mergedInto").toString())
                .isEqualTo("{\"from\":null,\"to\":\"" + target + "\"}");
        JsonNode secondUpdated = null;
        for (JsonNode e : events(second)) {
            if (e.get("type").stringValue().equals("updated") && e.get("changes").has("mergedInto")) {
                secondUpdated = e;
            }
        }
        assertThat(secondUpdated.get("changes").has("status")).as("already closed").isFalse();
    }

    @Test
    void aMergedTicketRefusesChangesMessagesAndMacros409() {
        merge(target, List.of(source));

        assertError(tickets.patch(owner, source, Map.of("priority", "high")), 409);
        assertError(tickets.message(owner, source, Map.of("body", "late")), 409);
        assertError(tickets.patch(owner, source, Map.of()), 409);
        JsonNode s = tickets.get(owner, source);
        assertThat(s.get("priority").stringValue()).isEqualTo("normal");
        assertThat(s.get("messages")).hasSize(1);
        assertThat(tickets.patch(owner, target, Map.of("priority", "high")).status()).isEqualTo(200);
    }

    @Test
    void mergingATicketIntoItselfIs400() {
        assertError(merge(target, List.of(target)), 400);
        assertError(merge(target, List.of(source, target)), 400);
        assertThat(tickets.get(owner, source).get("mergedInto").isNull()).isTrue();
    }

    @Test
    void alreadyMergedTargetOrSourceIs409() {
        String third = tickets.create(owner, "third").get("id").stringValue();
        merge(target, List.of(source));

        assertError(merge(third, List.of(source)), 409);
        assertError(merge(source, List.of(third)), 409);
        assertThat(tickets.get(owner, third).get("mergedInto").isNull()).isTrue();
        assertThat(tickets.get(owner, third).get("status").stringValue()).isEqualTo("new");
    }

    @Test
    void aTicketOfAnotherEntityIs404AndNothingMoves() {
        HttpApi.Owner other = api.newOwner();
        String foreign = tickets.create(other, "theirs").get("id").stringValue();
        tickets.messaged(other, foreign, Map.of("body", "private"));

        assertError(merge(target, List.of(source, foreign)), 404);
        assertError(merge(foreign, List.of(source)), 404);
        assertError(merge(target, List.of(UUID.randomUUID().toString())), 404);

        assertThat(tickets.get(other, foreign).get("messages")).hasSize(1);
        assertThat(tickets.get(owner, source).get("mergedInto").isNull()).isTrue();
        assertThat(tickets.get(owner, target).get("messages")).isEmpty();
    }

    @Test
    void oneToFiveDistinctSourcesAreAccepted() {
        List<String> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(tickets.create(owner, "s" + i).get("id").stringValue());
        }
        assertError(merge(target, List.of()), 400);
        assertError(merge(target, six), 400);
        assertError(merge(target, List.of(source, source)), 400);
        assertError(merge(target, List.of("not-a-uuid")), 400);
        assertError(merge(target, source), 400);
        assertError(api.post(TICKETS + "/" + target + "/merge").bearer(owner.apiKey()).json(Map.of()).send(), 400);

        HttpApi.Response five = merge(target, six.subList(0, 5));
        assertThat(five.status()).as(five.body()).isEqualTo(200);
    }

    @Test
    void viewersAndReadOnlyKeysMayNotMerge() {
        HttpApi.Session viewer = tickets.member(owner, "viewer", "Vera Viewer");
        String readKey = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));

        assertError(api.post(TICKETS + "/" + target + "/merge?entityId=" + owner.entity()).session(viewer)
                .json(body("sourceIds", List.of(source))).send(), 403);
        assertError(api.post(TICKETS + "/" + target + "/merge").bearer(readKey)
                .json(body("sourceIds", List.of(source))).send(), 403);
        assertThat(tickets.get(owner, source).get("mergedInto").isNull()).isTrue();
    }

    @Test
    void anAgentSessionMerges() {
        HttpApi.Session agent = tickets.member(owner, "agent", "Alma Agent");

        HttpApi.Response r = api.post(TICKETS + "/" + target + "/merge?entityId=" + owner.entity()).session(agent)
                .json(body("sourceIds", List.of(source))).send();

        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aTargetThatLaterMergesOnwardIsFollowedByMail() {
        String last = tickets.create(owner, "final").get("id").stringValue();
        merge(target, List.of(source));
        assertThat(merge(last, List.of(target)).status()).isEqualTo(200);

        assertThat(tickets.get(owner, target).get("mergedInto").stringValue()).isEqualTo(last);
        assertThat(tickets.get(owner, source).get("mergedInto").stringValue()).isEqualTo(target);
    }
}
