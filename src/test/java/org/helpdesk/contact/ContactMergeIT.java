package org.helpdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.contact.ContactCalls.CONTACTS;
import static org.helpdesk.contact.ContactCalls.TICKETS;
import static org.helpdesk.contact.ContactCalls.address;
import static org.helpdesk.contact.ContactCalls.texts;
import static org.helpdesk.support.ApiAssertions.assertError;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Merging contacts, undoing a merge, erasing a contact, and linking tickets from before contacts (API §9). */
class ContactMergeIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContactBackfill backfill;

    private HttpApi.Owner owner;
    private ContactCalls calls;

    @BeforeEach
    void setUp() {
        owner = api.newOwner();
        calls = new ContactCalls(api, owner);
    }

    private List<JsonNode> events(String ticketId) {
        return api.get(TICKETS + "/" + ticketId + "/events").bearer(owner.apiKey()).send().json().valueStream().toList();
    }

    @Test
    void mergeMovesTicketsAndAddressesAndEachMovedTicketRecordsIt() {
        String targetMail = address("target");
        String sourceMail = address("source");
        JsonNode target = calls.contact("Tara", targetMail);
        JsonNode source = calls.contact("Sam", sourceMail);
        String t = target.get("id").stringValue();
        String s = source.get("id").stringValue();
        JsonNode sourceTicket = calls.ticketFor(sourceMail, "from the duplicate");
        calls.ticketFor(targetMail, "from the target");

        HttpApi.Response r = calls.merge(t, s);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("id").stringValue()).isEqualTo(t);
        assertThat(texts(r.json().get("emails"))).containsExactly(targetMail, sourceMail);
        JsonNode merged = calls.get(s);
        assertThat(merged.get("mergedInto").stringValue()).isEqualTo(t);
        assertThat(merged.get("emails").size()).isZero();
        assertThat(calls.ticketIdsOf(t)).hasSize(2);
        assertThat(calls.ticketIdsOf(s)).isEmpty();
        JsonNode moved = calls.getTicket(sourceTicket.get("id").stringValue());
        assertThat(moved.get("contactId").stringValue()).isEqualTo(t);
        assertThat(moved.get("contactEmail").stringValue()).isEqualTo(sourceMail);
        List<JsonNode> events = events(sourceTicket.get("id").stringValue());
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").stringValue()).isEqualTo("updated");
        assertThat(last.get("changes").get("contactId").get("from").stringValue()).isEqualTo(s);
        assertThat(last.get("changes").get("contactId").get("to").stringValue()).isEqualTo(t);
        // mail from the duplicate's address now lands on the target
        assertThat(calls.ticketFor(sourceMail, "later").get("contactId").stringValue()).isEqualTo(t);
        // the merged contact refuses changes and is gone from the list
        assertError(api.patch(CONTACTS + "/" + s).bearer(owner.apiKey()).json(Map.of("name", "x")).send(), 409);
        assertThat(api.get(CONTACTS).bearer(owner.apiKey()).send().json().size()).isEqualTo(1);
        assertError(api.post(TICKETS).bearer(owner.apiKey()).json(Map.of("subject", "x", "contactId", s)).send(), 400);
    }

    @Test
    void mergeRefusesItselfMergedContactsUnknownIdsAndTooMany() {
        String a = calls.contact("A", address("a")).get("id").stringValue();
        String b = calls.contact("B", address("b")).get("id").stringValue();
        String c = calls.contact("C", address("c")).get("id").stringValue();

        assertError(calls.merge(a, a), 400);
        assertError(calls.merge(a), 400);
        assertError(calls.merge(a, "nope"), 400);
        assertError(api.post(CONTACTS + "/" + a + "/merge").bearer(owner.apiKey()).json(Map.of()).send(), 400);
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(UUID.randomUUID().toString());
        }
        assertError(calls.merge(a, eleven.toArray(String[]::new)), 400);
        assertError(calls.merge(a, UUID.randomUUID().toString()), 404);
        assertThat(calls.merge(a, b).status()).isEqualTo(200);
        assertError(calls.merge(c, b), 409);
        assertError(calls.merge(b, c), 409);
        assertThat(calls.get(c).get("mergedInto").isNull()).isTrue();
    }

    @Test
    void unmergeAfterTicketsWereAddedToTheTargetRestoresExactlyWhatTheMergeMoved() {
        String targetMail = address("target");
        String sourceMail = address("source");
        String t = calls.contact("Tara", targetMail).get("id").stringValue();
        String s = calls.contact("Sam", sourceMail).get("id").stringValue();
        String oldSourceTicket = calls.ticketFor(sourceMail, "old, of the duplicate").get("id").stringValue();
        String oldTargetTicket = calls.ticketFor(targetMail, "old, of the target").get("id").stringValue();
        assertThat(calls.merge(t, s).status()).isEqualTo(200);
        String newViaSourceAddress = calls.ticketFor(sourceMail, "new, by the merged address").get("id").stringValue();
        String newForTarget = calls.ticketFor(targetMail, "new, of the target").get("id").stringValue();

        HttpApi.Response r = calls.unmerge(t, s);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("id").stringValue()).isEqualTo(s);
        assertThat(r.json().get("mergedInto").isNull()).isTrue();
        assertThat(texts(r.json().get("emails"))).containsExactly(sourceMail);
        assertThat(texts(calls.get(t).get("emails"))).containsExactly(targetMail);
        assertThat(calls.ticketIdsOf(s)).containsExactly(oldSourceTicket);
        assertThat(calls.ticketIdsOf(t)).containsExactlyInAnyOrder(oldTargetTicket, newViaSourceAddress, newForTarget);
        List<JsonNode> events = events(oldSourceTicket);
        assertThat(events.get(events.size() - 1).get("changes").get("contactId").get("to").stringValue()).isEqualTo(s);
        // once undone, there is nothing left to undo
        assertError(calls.unmerge(t, s), 409);
        assertThat(api.patch(CONTACTS + "/" + s).bearer(owner.apiKey()).json(Map.of("name", "Sam again")).send()
                .status()).isEqualTo(200);
    }

    @Test
    void unmergeRefusesAfterThirtyDaysAndForContactsNotMergedIntoTheTarget() {
        String t = calls.contact("T", address("t")).get("id").stringValue();
        String s = calls.contact("S", address("s")).get("id").stringValue();
        String other = calls.contact("O", address("o")).get("id").stringValue();
        assertError(calls.unmerge(t, other), 409);
        assertError(calls.unmerge(t, UUID.randomUUID().toString()), 404);
        assertError(calls.unmerge(t, t), 400);
        assertThat(calls.merge(t, s).status()).isEqualTo(200);
        assertError(calls.unmerge(other, s), 409);
        // the one merge of this entity, 31 days back (a value, not merged_at - interval: Citus runs no STABLE
        // function on a column in an UPDATE)
        jdbc.sql("update contact_merges set merged_at = :at where entity_id = :e")
                .param("at", Times.sql(Instant.now().minus(Duration.ofDays(31)))).param("e", owner.entityId()).update();

        assertError(calls.unmerge(t, s), 409);
        assertThat(calls.get(s).get("mergedInto").stringValue()).isEqualTo(t);
    }

    @Test
    void erasingAContactKeepsItsTicketsAndTextButNotWhoItWas() {
        String email = address("erase-me");
        JsonNode ticket = calls.ticket(Map.of("subject", "Private", "description", "My order 42",
                "contactEmail", email, "contactName", "Eve Erase"));
        String id = ticket.get("id").stringValue();
        String contact = ticket.get("contactId").stringValue();
        HttpApi.Response message = api.post(TICKETS + "/" + id + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "Still broken", "authorType", "contact")).send();
        assertThat(message.status()).as(message.body()).isEqualTo(201);
        api.post(TICKETS + "/" + id + "/messages").bearer(owner.apiKey()).json(Map.of("body", "We are on it")).send();

        HttpApi.Response r = api.delete(CONTACTS + "/" + contact).bearer(owner.apiKey()).send();

        assertThat(r.status()).isEqualTo(204);
        assertError(api.get(CONTACTS + "/" + contact).bearer(owner.apiKey()).send(), 404);
        JsonNode after = calls.getTicket(id);
        assertThat(after.get("contactEmail").isNull()).isTrue();
        assertThat(after.get("contactName").isNull()).isTrue();
        assertThat(after.get("contactId").isNull()).isTrue();
        assertThat(after.get("description").stringValue()).isEqualTo("My order 42");
        List<JsonNode> messages = after.get("messages").valueStream().toList();
        assertThat(messages.get(0).get("authorName").stringValue()).isEqualTo("Erased contact");
        assertThat(messages.get(0).get("body").stringValue()).isEqualTo("Still broken");
        assertThat(messages.get(1).get("authorName").stringValue()).isEqualTo("Olive Owner");
        String history = api.get(TICKETS + "/" + id + "/events").bearer(owner.apiKey()).send().body();
        assertThat(history).doesNotContain(email).doesNotContain("Eve Erase");
        // the address is free again: a new mail from it makes a new contact
        assertThat(calls.ticketFor(email, "back").get("contactId").stringValue()).isNotEqualTo(contact);
    }

    @Test
    void erasingATargetErasesTheContactsMergedIntoItAndAMergedContactIsErasedThroughItsTarget() {
        String t = calls.contact("T", address("t")).get("id").stringValue();
        String s = calls.contact("S", address("s")).get("id").stringValue();
        assertThat(calls.merge(t, s).status()).isEqualTo(200);

        assertError(api.delete(CONTACTS + "/" + s).bearer(owner.apiKey()).send(), 409);
        assertThat(api.delete(CONTACTS + "/" + t).bearer(owner.apiKey()).send().status()).isEqualTo(204);

        assertError(api.get(CONTACTS + "/" + s).bearer(owner.apiKey()).send(), 404);
    }

    @Test
    void theBackfillLinksTicketsFromBeforeContactsToOneContactPerAddress() {
        String email = address("Old");
        String a = calls.ticket(Map.of("subject", "a", "contactEmail", email, "contactName", "Olga")).get("id").stringValue();
        String b = calls.ticketFor(email.toUpperCase(), "b").get("id").stringValue();
        String c = calls.ticketFor(address("other"), "c").get("id").stringValue();
        // as before contacts existed: no links, no contacts
        jdbc.sql("update tickets set contact_id = null where entity_id = :e").param("e", owner.entityId()).update();
        jdbc.sql("delete from contact_emails where entity_id = :e").param("e", owner.entityId()).update();
        jdbc.sql("delete from contacts where entity_id = :e").param("e", owner.entityId()).update();

        backfill.runFor(owner.entityId());
        backfill.runFor(owner.entityId()); // idempotent

        JsonNode ta = calls.getTicket(a);
        assertThat(ta.get("contactId").isNull()).isFalse();
        assertThat(calls.getTicket(b).get("contactId")).isEqualTo(ta.get("contactId"));
        assertThat(calls.getTicket(c).get("contactId")).isNotEqualTo(ta.get("contactId"));
        JsonNode contact = calls.get(ta.get("contactId").stringValue());
        assertThat(texts(contact.get("emails"))).containsExactly(email.toLowerCase());
        assertThat(contact.get("name").stringValue()).isEqualTo("Olga");
        assertThat(api.get(CONTACTS).bearer(owner.apiKey()).send().json().size()).isEqualTo(2);
        assertThat(events(a)).hasSize(1);
    }
}
