package org.helpdesk.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.assertError;
import static org.helpdesk.support.TicketApi.assertFields;
import static org.helpdesk.support.TicketApi.body;

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

/** Macros: saving, permissions, applying to one ticket and to many (API.md §10). */
class MacroIT extends ApiTest {
    private static final String MACROS = "/api/helpdesk/macros";
    private static final List<String> FIELDS = List.of("id", "entityId", "title", "actions", "createdAt", "updatedAt");

    private TicketApi tickets;
    private HttpApi.Owner owner;
    private HttpApi.Session agent;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
        agent = tickets.member(owner, "agent", "Alma Agent");
    }

    private JsonNode macro(String title, Map<String, ?> actions) {
        HttpApi.Response r = api.post(MACROS).bearer(owner.apiKey()).json(body("title", title, "actions", actions)).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private HttpApi.Response apply(String ticketId, String macroId) {
        return api.post(TICKETS + "/" + ticketId + "/macros/" + macroId).bearer(owner.apiKey()).send();
    }

    private JsonNode events(String id) {
        return api.get(TICKETS + "/" + id + "/events").bearer(owner.apiKey()).send().json();
    }

    @Test
    void createAnswers201AndShowsTheCheckedActions() {
        HttpApi.Response r = api.post(MACROS).bearer(owner.apiKey()).json(body("title", " Close as spam ",
                "actions", body("status", "closed", "addTags", List.of("SPAM", "spam"), "assignedTo", "me"))).send();

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode m = r.json();
        assertFields(m, FIELDS);
        assertThat(m.get("title").stringValue()).isEqualTo("Close as spam");
        assertThat(m.get("actions").toString()).isEqualTo("{\"status\":\"closed\",\"assignedTo\":\"me\",\"addTags\":[\"spam\"]}");
        assertThat(r.header("Location")).endsWith(MACROS + "/" + m.get("id").stringValue());
        assertThat(api.get(MACROS + "/" + m.get("id").stringValue()).bearer(owner.apiKey()).send().json()).isEqualTo(m);
    }

    @Test
    void everyMemberReadsMacrosOnlyAdminsWriteThem() {
        String id = macro("Escalate", Map.of("priority", "urgent")).get("id").stringValue();
        HttpApi.Session viewer = tickets.member(owner, "viewer", "Vera Viewer");

        assertThat(api.get(MACROS + "?entityId=" + owner.entity()).session(viewer).send().json()).hasSize(1);
        assertError(api.post(MACROS + "?entityId=" + owner.entity()).session(agent)
                .json(body("title", "t", "actions", Map.of("status", "open"))).send(), 403);
        assertError(api.patch(MACROS + "/" + id + "?entityId=" + owner.entity()).session(agent)
                .json(body("title", "t")).send(), 403);
        assertError(api.delete(MACROS + "/" + id + "?entityId=" + owner.entity()).session(agent).send(), 403);
        String readKey = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));
        assertError(api.post(MACROS).bearer(readKey).json(body("title", "t", "actions", Map.of("status", "open"))).send(), 403);

        HttpApi.Session admin = tickets.member(owner, "admin", "Adam Admin");
        HttpApi.Response patched = api.patch(MACROS + "/" + id + "?entityId=" + owner.entity()).session(admin)
                .json(body("title", "Escalate now")).send();
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("actions").toString()).isEqualTo("{\"priority\":\"urgent\"}");
        assertThat(api.delete(MACROS + "/" + id).bearer(owner.apiKey()).send().status()).isEqualTo(204);
        assertError(api.get(MACROS + "/" + id).bearer(owner.apiKey()).send(), 404);
    }

    @Test
    void badActionsAre400AndStoreNothing() {
        HttpApi.Owner other = api.newOwner();
        String foreignCategory = tickets.createCategory(other, "Theirs").get("id").stringValue();
        String personal = api.post("/api/helpdesk/canned-replies").bearer(owner.apiKey())
                .json(body("title", "Mine", "body", "x")).send().json().get("id").stringValue();
        for (Object bad : List.of(Map.of(), Map.of("status", "done"), Map.of("categoryId", foreignCategory),
                Map.of("assignedTo", other.session().userId().toString()), Map.of("unknown", 1),
                Map.of("reply", Map.of("cannedReplyId", personal)),
                Map.of("reply", Map.of("cannedReplyId", UUID.randomUUID().toString())),
                Map.of("reply", Map.of("body", "{{nope}}")), "status")) {
            assertError(api.post(MACROS).bearer(owner.apiKey()).json(body("title", "t", "actions", bad)).send(), 400);
        }
        assertError(api.post(MACROS).bearer(owner.apiKey()).json(body("title", " ", "actions", Map.of("status", "open"))).send(), 400);
        assertError(api.post(MACROS).bearer(owner.apiKey()).json(body("title", "t")).send(), 400);
        assertThat(api.get(MACROS).bearer(owner.apiKey()).send().json()).isEmpty();
        String id = macro("Keep", Map.of("status", "open")).get("id").stringValue();
        assertError(api.patch(MACROS + "/" + id).bearer(owner.apiKey()).json(body("actions", Map.of("priority", "x"))).send(), 400);
        assertThat(api.get(MACROS + "/" + id).bearer(owner.apiKey()).send().json().get("actions").toString())
                .isEqualTo("{\"status\":\"open\"}");
    }

    @Test
    void applyingChangesTheTicketAndRepliesWithHistoryAsUsual() {
        String category = tickets.createCategory(owner, "Billing").get("id").stringValue();
        String canned = api.post("/api/helpdesk/canned-replies").bearer(owner.apiKey())
                .json(body("title", "Pending", "body", "Hi {{contact.firstName | \"there\"}}, we look at {{ticket.number}}.",
                        "shared", true)).send().json().get("id").stringValue();
        JsonNode t = tickets.create(owner, body("subject", "Invoice", "contactName", "Ann Lee", "tags", List.of("new", "x")));
        String id = t.get("id").stringValue();
        String macroId = macro("Billing pending", body("status", "pending", "priority", "high", "assignedTo", "me",
                "categoryId", category, "addTags", List.of("billing"), "removeTags", List.of("new"),
                "reply", Map.of("cannedReplyId", canned))).get("id").stringValue();

        HttpApi.Response r = api.post(TICKETS + "/" + id + "/macros/" + macroId + "?entityId=" + owner.entity())
                .session(agent).send();

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode after = r.json();
        assertFields(after, TicketApi.TICKET_FIELDS);
        assertThat(after.get("status").stringValue()).isEqualTo("pending");
        assertThat(after.get("priority").stringValue()).isEqualTo("high");
        assertThat(after.get("assignedTo").stringValue()).isEqualTo(agent.userId().toString());
        assertThat(after.get("categoryId").stringValue()).isEqualTo(category);
        assertThat(after.get("tags").toString()).isEqualTo("[\"billing\",\"x\"]");
        assertThat(after.get("firstResponseAt").isNull()).isFalse();
        JsonNode messages = tickets.get(owner, id).get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("body").stringValue())
                .isEqualTo("Hi Ann, we look at " + t.get("ticketNumber").stringValue() + ".");
        assertThat(messages.get(0).get("authorId").stringValue()).isEqualTo(agent.userId().toString());
        List<String> types = new ArrayList<>();
        events(id).forEach(e -> types.add(e.get("type").stringValue()));
        assertThat(types).containsExactly("created", "message_added", "updated", "updated");
        JsonNode last = events(id).get(3);
        assertThat(last.get("changes").get("status").get("to").stringValue()).isEqualTo("pending");
        assertThat(last.get("changes").get("tags").get("to").toString()).isEqualTo("[\"billing\",\"x\"]");
    }

    @Test
    void aFailingMacroChangesNothing() {
        List<String> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add("t" + i);
        }
        String id = tickets.create(owner, body("subject", "Full", "tags", twenty)).get("id").stringValue();
        String macroId = macro("Reply and tag", body("reply", Map.of("body", "We are on it"), "status", "pending",
                "addTags", List.of("one-more"))).get("id").stringValue();

        assertError(apply(id, macroId), 400);

        JsonNode t = tickets.get(owner, id);
        assertThat(t.get("messages")).isEmpty();
        assertThat(t.get("status").stringValue()).isEqualTo("new");
        assertThat(t.get("tags")).hasSize(20);
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void anInternalReplyBodyWithVariablesIsAdded() {
        String id = tickets.create(owner, "Note me").get("id").stringValue();
        String macroId = macro("Note", Map.of("reply", body("body", "Checked by {{agent.name}}", "isInternal", true)))
                .get("id").stringValue();

        assertThat(apply(id, macroId).status()).isEqualTo(200);

        JsonNode m = tickets.get(owner, id).get("messages").get(0);
        assertThat(m.get("body").stringValue()).isEqualTo("Checked by Olive Owner");
        assertThat(m.get("isInternal").booleanValue()).isTrue();
        assertThat(tickets.get(owner, id).get("status").stringValue()).isEqualTo("new");
    }

    @Test
    void applyingChecksTicketMacroEntityAndPermission() {
        String id = tickets.create(owner, "T").get("id").stringValue();
        String macroId = macro("Open", Map.of("status", "open")).get("id").stringValue();
        HttpApi.Owner other = api.newOwner();
        String foreignTicket = tickets.create(other, "theirs").get("id").stringValue();
        HttpApi.Session viewer = tickets.member(owner, "viewer", "Vera Viewer");

        assertError(apply(foreignTicket, macroId), 404);
        assertError(apply(id, UUID.randomUUID().toString()), 404);
        assertError(api.post(TICKETS + "/" + foreignTicket + "/macros/" + macroId).bearer(other.apiKey()).send(), 404);
        assertError(apply("nope", macroId), 400);
        assertError(api.post(TICKETS + "/" + id + "/macros/" + macroId + "?entityId=" + owner.entity()).session(viewer).send(), 403);
        assertThat(tickets.get(owner, id).get("status").stringValue()).isEqualTo("new");
        assertThat(tickets.get(other, foreignTicket).get("status").stringValue()).isEqualTo("new");
    }

    @Test
    void aMergedTicketRefusesAMacro409() {
        String target = tickets.create(owner, "target").get("id").stringValue();
        String source = tickets.create(owner, "source").get("id").stringValue();
        api.post(TICKETS + "/" + target + "/merge").bearer(owner.apiKey()).json(body("sourceIds", List.of(source))).send();
        String macroId = macro("Urgent", Map.of("priority", "urgent")).get("id").stringValue();

        assertError(apply(source, macroId), 409);
    }

    @Test
    void bulkApplyReportsEachTicketInItsOwnTransaction() {
        String a = tickets.create(owner, "a").get("id").stringValue();
        String b = tickets.create(owner, "b").get("id").stringValue();
        String target = tickets.create(owner, "target").get("id").stringValue();
        String merged = tickets.create(owner, "merged").get("id").stringValue();
        api.post(TICKETS + "/" + target + "/merge").bearer(owner.apiKey()).json(body("sourceIds", List.of(merged))).send();
        String foreign = tickets.create(api.newOwner(), "theirs").get("id").stringValue();
        String macroId = macro("Pending", Map.of("status", "pending", "addTags", List.of("bulk"))).get("id").stringValue();

        HttpApi.Response r = api.post(MACROS + "/" + macroId + "/apply").bearer(owner.apiKey())
                .json(body("ticketIds", List.of(a, merged, foreign, b))).send();

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json();
        assertThat(results).hasSize(4);
        assertFields(results.get(0), List.of("ticketId", "status", "error"));
        assertThat(results.get(0).get("ticketId").stringValue()).isEqualTo(a);
        assertThat(results.get(0).get("status").intValue()).isEqualTo(200);
        assertThat(results.get(0).get("error").isNull()).isTrue();
        assertThat(results.get(1).get("status").intValue()).isEqualTo(409);
        assertThat(results.get(1).get("error").stringValue()).isNotBlank();
        assertThat(results.get(2).get("status").intValue()).isEqualTo(404);
        assertThat(results.get(3).get("status").intValue()).isEqualTo(200);
        assertThat(tickets.listIds(owner, "tag=bulk")).containsExactlyInAnyOrder(a, b);
        assertThat(tickets.get(owner, merged).get("status").stringValue()).isEqualTo("closed");
    }

    @Test
    void bulkApplyTakesOneToAHundredTicketIds() {
        String macroId = macro("Pending", Map.of("status", "pending")).get("id").stringValue();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(UUID.randomUUID().toString());
        }

        assertError(api.post(MACROS + "/" + macroId + "/apply").bearer(owner.apiKey()).json(body("ticketIds", many)).send(), 400);
        assertError(api.post(MACROS + "/" + macroId + "/apply").bearer(owner.apiKey()).json(body("ticketIds", List.of())).send(), 400);
        assertError(api.post(MACROS + "/" + macroId + "/apply").bearer(owner.apiKey()).json(body("ticketIds", List.of("x"))).send(), 400);
        assertError(api.post(MACROS + "/" + macroId + "/apply").bearer(owner.apiKey()).json(Map.of()).send(), 400);
        assertError(api.post(MACROS + "/" + UUID.randomUUID() + "/apply").bearer(owner.apiKey())
                .json(body("ticketIds", List.of(UUID.randomUUID().toString()))).send(), 404);
        HttpApi.Response hundred = api.post(MACROS + "/" + macroId + "/apply").bearer(owner.apiKey())
                .json(body("ticketIds", many.subList(0, 100))).send();
        assertThat(hundred.status()).isEqualTo(200);
        assertThat(hundred.json()).hasSize(100);
        assertThat(hundred.json().get(99).get("status").intValue()).isEqualTo(404);
    }

    @Test
    void anotherEntitysMacroIs404() {
        HttpApi.Owner other = api.newOwner();
        String theirs = api.post(MACROS).bearer(other.apiKey()).json(body("title", "x", "actions", Map.of("status", "open")))
                .send().json().get("id").stringValue();

        assertError(api.get(MACROS + "/" + theirs).bearer(owner.apiKey()).send(), 404);
        assertError(api.patch(MACROS + "/" + theirs).bearer(owner.apiKey()).json(body("title", "y")).send(), 404);
        assertError(api.delete(MACROS + "/" + theirs).bearer(owner.apiKey()).send(), 404);
        assertThat(api.get(MACROS).bearer(owner.apiKey()).send().json()).isEmpty();
    }
}
