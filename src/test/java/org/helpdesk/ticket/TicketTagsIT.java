package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.assertError;
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

/** Ticket tags (API.md §10): on create and PATCH, in the history, and the list's tag filter. */
class TicketTagsIT extends ApiTest {
    private TicketApi tickets;
    private HttpApi.Owner owner;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
    }

    private static List<String> tags(JsonNode ticket) {
        List<String> out = new ArrayList<>();
        ticket.get("tags").forEach(t -> out.add(t.stringValue()));
        return out;
    }

    @Test
    void aNewTicketHasNoTagsAndIsNotMerged() {
        JsonNode t = tickets.create(owner, "Plain");

        assertThat(t.get("tags").isArray()).isTrue();
        assertThat(t.get("tags")).isEmpty();
        assertThat(t.get("mergedInto").isNull()).isTrue();
    }

    @Test
    void tagsOnCreateAreLowerCasedWithoutDuplicatesInAlphabeticalOrder() {
        JsonNode t = tickets.create(owner, body("subject", "Tagged", "tags", List.of("VIP", "billing", "vip", "a-b_c")));

        assertThat(tags(t)).containsExactly("a-b_c", "billing", "vip");
        assertThat(tags(tickets.get(owner, t.get("id").stringValue()))).containsExactly("a-b_c", "billing", "vip");
    }

    @Test
    void patchReplacesTheTagsAndTheHistoryRecordsBothLists() {
        String id = tickets.create(owner, body("subject", "T", "tags", List.of("old", "keep"))).get("id").stringValue();

        JsonNode t = tickets.patched(owner, id, Map.of("tags", List.of("new", "keep")));

        assertThat(tags(t)).containsExactly("keep", "new");
        JsonNode events = api.get(TICKETS + "/" + id + "/events").bearer(owner.apiKey()).send().json();
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").stringValue()).isEqualTo("updated");
        assertThat(last.get("changes").get("tags").get("from").toString()).isEqualTo("[\"keep\",\"old\"]");
        assertThat(last.get("changes").get("tags").get("to").toString()).isEqualTo("[\"keep\",\"new\"]");
    }

    @Test
    void theSameTagsAgainRecordNothing() {
        String id = tickets.create(owner, body("subject", "T", "tags", List.of("a", "b"))).get("id").stringValue();

        tickets.patched(owner, id, Map.of("tags", List.of("B", "a", "a")));

        JsonNode events = api.get(TICKETS + "/" + id + "/events").bearer(owner.apiKey()).send().json();
        assertThat(events).hasSize(1);
    }

    @Test
    void emptyListRemovesEveryTag() {
        String id = tickets.create(owner, body("subject", "T", "tags", List.of("a"))).get("id").stringValue();

        assertThat(tickets.patched(owner, id, Map.of("tags", List.of())).get("tags")).isEmpty();
        assertThat(tickets.listIds(owner, "tag=a")).isEmpty();
    }

    @Test
    void badTagsAre400AndChangeNothing() {
        String id = tickets.create(owner, body("subject", "T", "tags", List.of("ok"))).get("id").stringValue();
        List<String> twentyOne = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            twentyOne.add("t" + i);
        }
        for (Object bad : List.of(List.of("has space"), List.of(""), List.of("x".repeat(51)), List.of("ümlaut"),
                List.of("a,b"), twentyOne, "ok", List.of(1), Map.of())) {
            assertError(tickets.patch(owner, id, body("tags", bad, "priority", "high")), 400);
            assertError(api.post(TICKETS).bearer(owner.apiKey()).json(body("subject", "x", "tags", bad)).send(), 400);
        }
        assertError(tickets.patch(owner, id, body("tags", null)), 400);

        JsonNode after = tickets.get(owner, id);
        assertThat(tags(after)).containsExactly("ok");
        assertThat(after.get("priority").stringValue()).isEqualTo("normal");
    }

    @Test
    void twentyTagsAfterDuplicatesCollapseAreAccepted() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tags.add("t" + i);
        }
        tags.add("T0");
        tags.add("x".repeat(50));
        tags.remove("t19");

        JsonNode t = tickets.create(owner, body("subject", "Many", "tags", tags));

        assertThat(t.get("tags")).hasSize(20);
    }

    @Test
    void theTagFilterFindsTicketsWithAllTheTags() {
        String both = tickets.create(owner, body("subject", "both", "tags", List.of("red", "blue"))).get("id").stringValue();
        String red = tickets.create(owner, body("subject", "red", "tags", List.of("red"))).get("id").stringValue();
        tickets.create(owner, body("subject", "none"));

        assertThat(tickets.listIds(owner, "tag=red")).containsExactlyInAnyOrder(both, red);
        assertThat(tickets.listIds(owner, "tag=red,BLUE")).containsExactly(both);
        assertThat(tickets.listIds(owner, "tag=red&tag=blue")).containsExactly(both);
        assertThat(tickets.listIds(owner, "tag=green")).isEmpty();
        assertThat(tickets.listIds(owner, "tag=red&status=new&limit=1")).hasSize(1);
    }

    @Test
    void aMalformedTagFilterIs400() {
        assertError(tickets.list(owner, "tag=" + TicketApi.encode("no space")), 400);
        assertError(tickets.list(owner, "tag=a,,b"), 400);
    }

    @Test
    void pagingThroughATagFilterKeepsTheFilter() {
        for (int i = 0; i < 3; i++) {
            tickets.create(owner, body("subject", "p" + i, "tags", List.of("page")));
        }
        tickets.create(owner, body("subject", "other"));

        HttpApi.Response first = tickets.list(owner, "tag=page&limit=2");
        assertThat(TicketApi.ids(first)).hasSize(2);
        HttpApi.Response second = api.get(TicketApi.nextLink(first)).bearer(owner.apiKey()).send();
        assertThat(TicketApi.ids(second)).hasSize(1);
        String cursor = TicketApi.nextLink(first).replaceAll(".*cursor=([^&]+).*", "$1");
        assertError(tickets.list(owner, "tag=other&limit=2&cursor=" + cursor), 400);
    }

    @Test
    void anotherEntitysTagsAreNeverFound() {
        HttpApi.Owner other = api.newOwner();
        tickets.create(other, body("subject", "theirs", "tags", List.of("secret")));

        assertThat(tickets.listIds(owner, "tag=secret")).isEmpty();
    }
}
