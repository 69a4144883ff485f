package org.helpdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.HttpApi;
import tools.jackson.databind.JsonNode;

/** Set-up calls of the contacts API (§9) for tests: each must succeed. */
final class ContactCalls {
    static final String CONTACTS = "/api/helpdesk/contacts";
    static final String ORGANIZATIONS = "/api/helpdesk/organizations";
    static final String TICKETS = "/api/helpdesk/tickets";
    static final List<String> CONTACT_FIELDS = List.of("id", "entityId", "name", "emails", "phone", "organizationId",
            "mergedInto", "createdAt", "updatedAt");

    private final HttpApi api;
    private final HttpApi.Owner owner;

    ContactCalls(HttpApi api, HttpApi.Owner owner) {
        this.api = api;
        this.owner = owner;
    }

    static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
    }

    JsonNode contact(Map<String, Object> body) {
        HttpApi.Response r = api.post(CONTACTS).bearer(owner.apiKey()).json(body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode contact(String name, String... emails) {
        return contact(Map.of("name", name, "emails", List.of(emails)));
    }

    JsonNode get(String id) {
        HttpApi.Response r = api.get(CONTACTS + "/" + id).bearer(owner.apiKey()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode organization(String name, String... domains) {
        HttpApi.Response r = api.post(ORGANIZATIONS).bearer(owner.apiKey())
                .json(Map.of("name", name, "domains", List.of(domains))).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode ticket(Map<String, Object> body) {
        HttpApi.Response r = api.post(TICKETS).bearer(owner.apiKey()).json(body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode ticketFor(String email, String subject) {
        return ticket(Map.of("subject", subject, "contactEmail", email));
    }

    JsonNode getTicket(String id) {
        HttpApi.Response r = api.get(TICKETS + "/" + id).bearer(owner.apiKey()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    List<String> ticketIdsOf(String contactId) {
        HttpApi.Response r = api.get(CONTACTS + "/" + contactId + "/tickets?limit=200").bearer(owner.apiKey()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().map(t -> t.get("id").stringValue()).toList();
    }

    HttpApi.Response merge(String target, String... sources) {
        return api.post(CONTACTS + "/" + target + "/merge").bearer(owner.apiKey())
                .json(Map.of("sourceIds", List.of(sources))).send();
    }

    HttpApi.Response unmerge(String target, String source) {
        return api.post(CONTACTS + "/" + target + "/unmerge").bearer(owner.apiKey())
                .json(Map.of("sourceId", source)).send();
    }

    static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::stringValue).toList();
    }
}
