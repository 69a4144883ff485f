package org.helpdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.contact.ContactCalls.CONTACTS;
import static org.helpdesk.contact.ContactCalls.TICKETS;
import static org.helpdesk.contact.ContactCalls.address;
import static org.helpdesk.contact.ContactCalls.texts;
import static org.helpdesk.support.ApiAssertions.assertError;
import static org.helpdesk.support.TicketApi.body;

import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tickets and their contacts (API §9): linking by address or id, history, a contact's tickets. */
class TicketContactIT extends ApiTest {
    private HttpApi.Owner owner;
    private ContactCalls calls;

    @BeforeEach
    void setUp() {
        owner = api.newOwner();
        calls = new ContactCalls(api, owner);
    }

    @Test
    void aTicketFromANewAddressCreatesItsContactNamedByContactName() {
        String email = address("New");

        JsonNode ticket = calls.ticket(Map.of("subject", "Help", "contactEmail", email, "contactName", "Nina New"));

        JsonNode contact = calls.get(ticket.get("contactId").stringValue());
        assertThat(texts(contact.get("emails"))).containsExactly(email.toLowerCase());
        assertThat(contact.get("name").stringValue()).isEqualTo("Nina New");
        assertThat(ticket.get("contactEmail").stringValue()).isEqualTo(email);
    }

    @Test
    void aTicketFromAKnownAddressLinksThatContactWhateverTheCase() {
        String email = address("known");
        JsonNode contact = calls.contact("Kim", address("kim-primary"), email);

        JsonNode ticket = calls.ticketFor(email.toUpperCase(), "Again");

        assertThat(ticket.get("contactId")).isEqualTo(contact.get("id"));
        assertThat(api.get(CONTACTS).bearer(owner.apiKey()).send().json().size()).isEqualTo(1);
    }

    @Test
    void aTicketWithoutAddressHasNoContact() {
        JsonNode ticket = calls.ticket(Map.of("subject", "Anonymous"));
        assertThat(ticket.get("contactId").isNull()).isTrue();
    }

    @Test
    void contactIdOnCreateSetsThePrimaryAddressAndName() {
        JsonNode contact = calls.contact("Lee", address("lee"), address("lee2"));

        JsonNode ticket = calls.ticket(Map.of("subject", "By id", "contactId", contact.get("id").stringValue()));
        JsonNode agreeing = calls.ticket(Map.of("subject", "Both", "contactId", contact.get("id").stringValue(),
                "contactEmail", texts(contact.get("emails")).get(1).toUpperCase()));

        assertThat(ticket.get("contactEmail").stringValue()).isEqualTo(texts(contact.get("emails")).get(0));
        assertThat(ticket.get("contactName").stringValue()).isEqualTo("Lee");
        assertThat(agreeing.get("contactId")).isEqualTo(contact.get("id"));
    }

    @Test
    void contactIdAndADisagreeingAddressAre400() {
        JsonNode contact = calls.contact("Lee", address("lee"));

        HttpApi.Response r = api.post(TICKETS).bearer(owner.apiKey()).json(Map.of("subject", "x",
                "contactId", contact.get("id").stringValue(), "contactEmail", address("someone-else"))).send();

        assertError(r, 400);
        assertThat(api.get(TICKETS).bearer(owner.apiKey()).send().json().size()).isZero();
    }

    @Test
    void contactIdOfAnotherEntityOrUnknownIs400() {
        String theirs = new ContactCalls(api, api.newOwner()).contact("Theirs", address("t")).get("id").stringValue();
        JsonNode ticket = calls.ticket(Map.of("subject", "Mine"));

        assertError(api.post(TICKETS).bearer(owner.apiKey()).json(Map.of("subject", "x", "contactId", theirs)).send(), 400);
        assertError(api.patch(TICKETS + "/" + ticket.get("id").stringValue()).bearer(owner.apiKey())
                .json(Map.of("contactId", theirs)).send(), 400);
        assertError(api.post(TICKETS).bearer(owner.apiKey()).json(Map.of("subject", "x", "contactId", 5)).send(), 400);
    }

    @Test
    void patchingTheAddressRelinksTheTicketAndHistoryRecordsContactId() {
        JsonNode ticket = calls.ticketFor(address("first"), "Moving");
        String id = ticket.get("id").stringValue();
        JsonNode other = calls.contact("Other", address("other"));

        HttpApi.Response byEmail = api.patch(TICKETS + "/" + id).bearer(owner.apiKey())
                .json(Map.of("contactEmail", texts(other.get("emails")).get(0))).send();
        HttpApi.Response cleared = api.patch(TICKETS + "/" + id).bearer(owner.apiKey())
                .json(body("contactEmail", null)).send();
        HttpApi.Response byId = api.patch(TICKETS + "/" + id).bearer(owner.apiKey())
                .json(Map.of("contactId", other.get("id").stringValue())).send();

        assertThat(byEmail.json().get("contactId")).isEqualTo(other.get("id"));
        assertThat(cleared.json().get("contactId").isNull()).isTrue();
        assertThat(byId.json().get("contactId")).isEqualTo(other.get("id"));
        assertThat(byId.json().get("contactName").stringValue()).isEqualTo("Other");
        List<JsonNode> events = api.get(TICKETS + "/" + id + "/events").bearer(owner.apiKey()).send().json()
                .valueStream().toList();
        JsonNode firstChange = events.get(1).get("changes").get("contactId");
        assertThat(firstChange.get("from")).isEqualTo(ticket.get("contactId"));
        assertThat(firstChange.get("to")).isEqualTo(other.get("id"));
        assertThat(events.get(2).get("changes").get("contactId").get("to").isNull()).isTrue();
        assertThat(events.get(3).get("changes").get("contactId").get("to")).isEqualTo(other.get("id"));
    }

    @Test
    void aContactsTicketsAreNewestFirstAndPaged() {
        String email = address("many");
        JsonNode t1 = calls.ticketFor(email, "one");
        JsonNode t2 = calls.ticketFor(email, "two");
        JsonNode t3 = calls.ticketFor(email, "three");
        calls.ticketFor(address("someone"), "not theirs");
        String contact = t1.get("contactId").stringValue();

        HttpApi.Response first = api.get(CONTACTS + "/" + contact + "/tickets?limit=2").bearer(owner.apiKey()).send();
        String link = first.header("Link");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        java.net.URI uri = java.net.URI.create(next);
        HttpApi.Response second = api.get(uri.getRawPath() + "?" + uri.getRawQuery()).bearer(owner.apiKey()).send();

        assertThat(first.json().valueStream().map(t -> t.get("id")).toList()).containsExactly(t3.get("id"), t2.get("id"));
        assertThat(second.json().valueStream().map(t -> t.get("id")).toList()).containsExactly(t1.get("id"));
        assertThat(second.header("Link")).isNull();
        assertThat(first.json().get(0).has("contactId")).isTrue();
        assertError(api.get(CONTACTS + "/" + contact + "/tickets?limit=0").bearer(owner.apiKey()).send(), 400);
        assertError(api.get(CONTACTS + "/" + contact + "/tickets?cursor=bad").bearer(owner.apiKey()).send(), 400);
        String other = calls.contact("Other", address("o")).get("id").stringValue();
        String cursor = next.substring(next.indexOf("cursor=") + 7);
        assertError(api.get(CONTACTS + "/" + other + "/tickets?cursor=" + cursor).bearer(owner.apiKey()).send(), 400);
    }
}
