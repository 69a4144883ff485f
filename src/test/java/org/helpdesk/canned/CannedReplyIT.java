package org.helpdesk.canned;

import static org.assertj.core.api.Assertions.assertThat;
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

/** Canned replies and rendering them for a ticket (API.md §10). */
class CannedReplyIT extends ApiTest {
    private static final String CANNED = "/api/helpdesk/canned-replies";
    private static final List<String> FIELDS = List.of("id", "entityId", "title", "body", "shared", "createdBy",
            "createdAt", "updatedAt");

    private TicketApi tickets;
    private HttpApi.Owner owner;
    private HttpApi.Session agent;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
        agent = tickets.member(owner, "agent", "Alma Agent");
    }

    private HttpApi.Call asAgent(HttpApi.Call call) {
        return call.session(agent).header("x-entity-id", owner.entity());
    }

    private JsonNode created(HttpApi.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode shared(String title, String text) {
        return created(api.post(CANNED).bearer(owner.apiKey()).json(body("title", title, "body", text, "shared", true)).send());
    }

    private JsonNode personalOfAgent(String title, String text) {
        return created(asAgent(api.post(CANNED)).json(body("title", title, "body", text)).send());
    }

    private static List<String> titles(HttpApi.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(c -> out.add(c.get("title").stringValue()));
        return out;
    }

    @Test
    void createAnswers201WithEveryFieldAndLocation() {
        HttpApi.Response r = api.post(CANNED).bearer(owner.apiKey())
                .json(body("title", "  Thanks  ", "body", "Thanks, {{contact.firstName}}!", "shared", true)).send();

        JsonNode c = created(r);
        assertFields(c, FIELDS);
        assertThat(c.get("title").stringValue()).isEqualTo("Thanks");
        assertThat(c.get("shared").booleanValue()).isTrue();
        assertThat(c.get("entityId").stringValue()).isEqualTo(owner.entity());
        assertThat(c.get("createdBy").stringValue()).isEqualTo(owner.session().userId().toString());
        assertThat(c.get("createdAt").stringValue()).matches(TicketApi.TIMESTAMP);
        assertThat(r.header("Location")).endsWith(CANNED + "/" + c.get("id").stringValue());
        assertThat(api.get(CANNED + "/" + c.get("id").stringValue()).bearer(owner.apiKey()).send().json()).isEqualTo(c);
    }

    @Test
    void sharedIsFalseUnlessAsked() {
        JsonNode c = personalOfAgent("Mine", "text");
        assertThat(c.get("shared").booleanValue()).isFalse();
    }

    @Test
    void aPersonalReplyIsSeenByItsCreatorOnly() {
        shared("Shared one", "s");
        JsonNode mine = personalOfAgent("Agent's own", "p");
        HttpApi.Session otherAgent = tickets.member(owner, "agent", "Other Agent");

        assertThat(titles(asAgent(api.get(CANNED)).send())).containsExactly("Agent's own", "Shared one");
        assertThat(titles(api.get(CANNED).bearer(owner.apiKey()).send())).containsExactly("Shared one");
        assertThat(titles(api.get(CANNED + "?entityId=" + owner.entity()).session(otherAgent).send()))
                .containsExactly("Shared one");
        String id = mine.get("id").stringValue();
        assertError(api.get(CANNED + "/" + id).bearer(owner.apiKey()).send(), 404);
        assertError(api.patch(CANNED + "/" + id).bearer(owner.apiKey()).json(body("title", "taken")).send(), 404);
        assertError(api.delete(CANNED + "/" + id).bearer(owner.apiKey()).send(), 404);
        assertThat(asAgent(api.get(CANNED + "/" + id)).send().json().get("title").stringValue()).isEqualTo("Agent's own");
    }

    @Test
    void theKeysOfTheCreatorSeeTheirPersonalReplies() {
        HttpApi.Response personal = api.post(CANNED).bearer(owner.apiKey()).json(body("title", "Owner's own", "body", "x")).send();
        String id = created(personal).get("id").stringValue();
        String otherKey = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));

        assertThat(api.get(CANNED + "/" + id).bearer(otherKey).send().status()).isEqualTo(200);
        assertThat(api.get(CANNED + "/" + id + "?entityId=" + owner.entity()).session(owner.session()).send().status())
                .isEqualTo(200);
        assertError(asAgent(api.get(CANNED + "/" + id)).send(), 404);
    }

    @Test
    void agentsWritePersonalRepliesButNotSharedOnes() {
        assertError(asAgent(api.post(CANNED)).json(body("title", "t", "body", "b", "shared", true)).send(), 403);
        JsonNode sharedOne = shared("Shared", "s");
        String sid = sharedOne.get("id").stringValue();
        assertError(asAgent(api.patch(CANNED + "/" + sid)).json(body("title", "mine now")).send(), 403);
        assertError(asAgent(api.delete(CANNED + "/" + sid)).send(), 403);
        String mine = personalOfAgent("Mine", "m").get("id").stringValue();
        assertError(asAgent(api.patch(CANNED + "/" + mine)).json(body("shared", true)).send(), 403);

        JsonNode edited = asAgent(api.patch(CANNED + "/" + mine)).json(body("body", "new text")).send().json();
        assertThat(edited.get("body").stringValue()).isEqualTo("new text");
        assertThat(api.get(CANNED + "/" + sid).bearer(owner.apiKey()).send().json().get("title").stringValue())
                .isEqualTo("Shared");
    }

    @Test
    void viewersReadSharedRepliesAndWriteNone() {
        shared("Shared", "s");
        HttpApi.Session viewer = tickets.member(owner, "viewer", "Vera Viewer");

        assertThat(titles(api.get(CANNED + "?entityId=" + owner.entity()).session(viewer).send())).containsExactly("Shared");
        assertError(api.post(CANNED + "?entityId=" + owner.entity()).session(viewer).json(body("title", "t", "body", "b")).send(), 403);
        String readKey = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));
        assertError(api.post(CANNED).bearer(readKey).json(body("title", "t", "body", "b")).send(), 403);
    }

    @Test
    void adminsEditAndDeleteSharedReplies() {
        HttpApi.Session admin = tickets.member(owner, "admin", "Adam Admin");
        String id = shared("Shared", "s").get("id").stringValue();

        HttpApi.Response patched = api.patch(CANNED + "/" + id + "?entityId=" + owner.entity()).session(admin)
                .json(body("title", "Renamed", "shared", false)).send();
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("shared").booleanValue()).isFalse();
        assertThat(patched.json().get("updatedAt").stringValue())
                .isGreaterThanOrEqualTo(patched.json().get("createdAt").stringValue());
        // now the owner's personal reply: the admin no longer sees it
        assertError(api.get(CANNED + "/" + id + "?entityId=" + owner.entity()).session(admin).send(), 404);
        HttpApi.Response deleted = api.delete(CANNED + "/" + id).bearer(owner.apiKey()).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertError(api.get(CANNED + "/" + id).bearer(owner.apiKey()).send(), 404);
    }

    @Test
    void badInputIs400AndStoresNothing() {
        for (Map<String, Object> bad : List.of(body("title", " ", "body", "b"), body("title", "x".repeat(256), "body", "b"),
                body("title", "t", "body", ""), body("title", "t", "body", "x".repeat(100_001)),
                body("title", "t"), body("body", "b"), body("title", 1, "body", "b"),
                body("title", "t", "body", "b", "shared", "yes"),
                body("title", "t", "body", "Hi {{contact.phone}}"),
                body("title", "t", "body", "Hi {{contact.name | there}}"))) {
            assertError(api.post(CANNED).bearer(owner.apiKey()).json(bad).send(), 400);
        }
        String id = shared("Kept", "kept").get("id").stringValue();
        assertError(api.patch(CANNED + "/" + id).bearer(owner.apiKey()).json(body("body", "{{nope}}")).send(), 400);
        assertError(api.patch(CANNED + "/" + id).bearer(owner.apiKey()).json(body("title", null)).send(), 400);
        assertThat(titles(api.get(CANNED).bearer(owner.apiKey()).send())).containsExactly("Kept");
        assertThat(api.get(CANNED + "/" + id).bearer(owner.apiKey()).send().json().get("body").stringValue()).isEqualTo("kept");
        assertError(api.get(CANNED + "/not-a-uuid").bearer(owner.apiKey()).send(), 400);
    }

    @Test
    void aLongBodyOfExactlyTheLimitIsAccepted() {
        created(api.post(CANNED).bearer(owner.apiKey()).json(body("title", "x".repeat(255), "body", "y".repeat(100_000))).send());
    }

    @Test
    void anotherEntitysReplyIs404() {
        HttpApi.Owner other = api.newOwner();
        String theirs = created(api.post(CANNED).bearer(other.apiKey())
                .json(body("title", "Theirs", "body", "t", "shared", true)).send()).get("id").stringValue();

        assertError(api.get(CANNED + "/" + theirs).bearer(owner.apiKey()).send(), 404);
        assertError(api.patch(CANNED + "/" + theirs).bearer(owner.apiKey()).json(body("title", "x")).send(), 404);
        assertError(api.delete(CANNED + "/" + theirs).bearer(owner.apiKey()).send(), 404);
        assertThat(titles(api.get(CANNED).bearer(owner.apiKey()).send())).isEmpty();
        String ticket = tickets.create(owner, "Mine").get("id").stringValue();
        assertError(render(owner.apiKey(), ticket, theirs), 404);
    }

    private HttpApi.Response render(String key, String ticketId, String cannedId) {
        return api.post(TicketApi.TICKETS + "/" + ticketId + "/render").bearer(key)
                .json(body("cannedReplyId", cannedId)).send();
    }

    @Test
    void renderFillsEveryVariableFromTheTicketTheAgentAndTheEntity() {
        JsonNode ticket = tickets.create(owner, body("subject", "Printer on fire", "contactName", "Ann Marie Lee",
                "contactEmail", "ann@example.com"));
        String id = shared("All", "{{ticket.number}}|{{ticket.subject}}|{{contact.name}}|{{contact.firstName}}|"
                + "{{contact.email}}|{{agent.name}}|{{agent.firstName}}|{{entity.name}}").get("id").stringValue();
        String entityName = api.get("/api/me").session(owner.session()).send().json().get("memberships").get(0)
                .get("entity").get("name").stringValue();

        HttpApi.Response r = render(owner.apiKey(), ticket.get("id").stringValue(), id);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(new ArrayList<>(r.json().propertyNames())).containsExactly("body");
        assertThat(r.json().get("body").stringValue()).isEqualTo(ticket.get("ticketNumber").stringValue()
                + "|Printer on fire|Ann Marie Lee|Ann|ann@example.com|Olive Owner|Olive|" + entityName);
    }

    @Test
    void renderUsesFallbacksOrNothingForMissingValues() {
        String ticket = tickets.create(owner, "No contact").get("id").stringValue();
        String id = shared("Hi", "Hi {{contact.firstName | \"there\"}}{{contact.email}}, {{agent.firstName}} here")
                .get("id").stringValue();

        HttpApi.Response r = asAgent(api.post(TicketApi.TICKETS + "/" + ticket + "/render"))
                .json(body("cannedReplyId", id)).send();

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("body").stringValue()).isEqualTo("Hi there, Alma here");
    }

    @Test
    void renderChecksTheTicketTheReplyAndTheCaller() {
        String ticket = tickets.create(owner, "T").get("id").stringValue();
        String mine = personalOfAgent("Agent's", "x").get("id").stringValue();
        HttpApi.Owner other = api.newOwner();
        String foreignTicket = tickets.create(other, "theirs").get("id").stringValue();
        String sharedId = shared("S", "s").get("id").stringValue();
        HttpApi.Session viewer = tickets.member(owner, "viewer", "Vera Viewer");

        assertError(render(owner.apiKey(), ticket, mine), 404);
        assertError(render(owner.apiKey(), foreignTicket, sharedId), 404);
        assertError(render(owner.apiKey(), ticket, UUID.randomUUID().toString()), 404);
        assertError(api.post(TicketApi.TICKETS + "/" + ticket + "/render").bearer(owner.apiKey()).json(Map.of()).send(), 400);
        assertError(render(owner.apiKey(), ticket, "nope"), 400);
        assertError(api.post(TicketApi.TICKETS + "/" + ticket + "/render?entityId=" + owner.entity()).session(viewer)
                .json(body("cannedReplyId", sharedId)).send(), 403);
        assertThat(asAgent(api.post(TicketApi.TICKETS + "/" + ticket + "/render")).json(body("cannedReplyId", mine))
                .send().status()).isEqualTo(200);
    }
}
