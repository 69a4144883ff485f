package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.CATEGORIES;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.assertError;

import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who may do what on tickets, messages and categories (API.md §2, permission table). */
class TicketPermissionsIT extends ApiTest {
    private TicketApi tickets;
    private HttpApi.Owner owner;
    private JsonNode ticket;
    private String id;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
        ticket = tickets.create(owner, "Guarded");
        id = ticket.get("id").stringValue();
    }

    private HttpApi.Call asSession(HttpApi.Call call, HttpApi.Session session) {
        return call.session(session).header("x-entity-id", owner.entity());
    }

    private void assertTicketUnchanged() {
        JsonNode now = tickets.get(owner, id);
        assertThat(now.get("subject")).isEqualTo(ticket.get("subject"));
        assertThat(now.get("updatedAt")).isEqualTo(ticket.get("updatedAt"));
        assertThat(now.get("messages")).isEmpty();
        assertThat(tickets.listIds(owner, "")).containsExactly(id);
    }

    @Test
    void aReadOnlyKeyCanReadButNotWrite() {
        // Given
        String readOnly = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));

        // Then
        assertThat(api.get(TICKETS).bearer(readOnly).send().status()).isEqualTo(200);
        assertThat(api.get(TICKETS + "/" + id).bearer(readOnly).send().status()).isEqualTo(200);
        assertThat(api.get(CATEGORIES).bearer(readOnly).send().status()).isEqualTo(200);
        assertError(api.post(TICKETS).bearer(readOnly).json(Map.of("subject", "nope")).send(), 403);
        assertError(api.patch(TICKETS + "/" + id).bearer(readOnly).json(Map.of("subject", "nope")).send(), 403);
        assertError(api.post(TICKETS + "/" + id + "/messages").bearer(readOnly).json(Map.of("body", "nope")).send(),
                403);
        assertError(api.post(CATEGORIES).bearer(readOnly).json(Map.of("name", "nope")).send(), 403);
        assertTicketUnchanged();
    }

    @Test
    void aWriteOnlyKeyCannotRead() {
        // Given
        String writeOnly = api.createKey(owner.session(), owner.entityId(), List.of("write:helpdesk"));

        // Then
        assertError(api.get(TICKETS).bearer(writeOnly).send(), 403);
        assertError(api.get(TICKETS + "/" + id).bearer(writeOnly).send(), 403);
        assertError(api.get(CATEGORIES).bearer(writeOnly).send(), 403);
    }

    @Test
    void aViewerSessionCanReadButNotWrite() {
        // Given
        HttpApi.Session viewer = tickets.member(owner, "viewer", "Vic Viewer");

        // Then
        assertThat(asSession(api.get(TICKETS), viewer).send().status()).isEqualTo(200);
        assertThat(asSession(api.get(TICKETS + "/" + id), viewer).send().status()).isEqualTo(200);
        assertThat(asSession(api.get(CATEGORIES), viewer).send().status()).isEqualTo(200);
        assertError(asSession(api.post(TICKETS), viewer).json(Map.of("subject", "nope")).send(), 403);
        assertError(asSession(api.patch(TICKETS + "/" + id), viewer).json(Map.of("subject", "nope")).send(), 403);
        assertError(asSession(api.post(TICKETS + "/" + id + "/messages"), viewer).json(Map.of("body", "x")).send(),
                403);
        assertError(asSession(api.post(CATEGORIES), viewer).json(Map.of("name", "nope")).send(), 403);
        assertTicketUnchanged();
    }

    @Test
    void anAgentSessionCanWriteTickets() {
        // Given
        HttpApi.Session agent = tickets.member(owner, "agent", "Alma Agent");

        // When
        HttpApi.Response created = asSession(api.post(TICKETS), agent).json(Map.of("subject", "by agent")).send();
        HttpApi.Response patched = asSession(api.patch(TICKETS + "/" + id), agent)
                .json(Map.of("priority", "high")).send();
        HttpApi.Response message = asSession(api.post(TICKETS + "/" + id + "/messages"), agent)
                .json(Map.of("body", "hello")).send();

        // Then
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("priority").stringValue()).isEqualTo("high");
        assertThat(message.status()).as(message.body()).isEqualTo(201);
    }

    @Test
    void anAgentSessionCannotManageCategories() {
        // Given
        HttpApi.Session agent = tickets.member(owner, "agent", "Alma Agent");
        JsonNode category = tickets.createCategory(owner, "Hardware");
        String path = CATEGORIES + "/" + category.get("id").stringValue();

        // Then
        assertThat(asSession(api.get(CATEGORIES), agent).send().status()).isEqualTo(200);
        assertError(asSession(api.post(CATEGORIES), agent).json(Map.of("name", "Software")).send(), 403);
        assertError(asSession(api.patch(path), agent).json(Map.of("name", "Renamed")).send(), 403);
        assertError(asSession(api.delete(path), agent).send(), 403);
        HttpApi.Response list = api.get(CATEGORIES).bearer(owner.apiKey()).send();
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("name").stringValue()).isEqualTo("Hardware");
    }

    @Test
    void anAdminSessionCanManageCategories() {
        // Given
        HttpApi.Session admin = tickets.member(owner, "admin", "Ada Admin");

        // When
        HttpApi.Response created = asSession(api.post(CATEGORIES), admin).json(Map.of("name", "Software")).send();
        String path = CATEGORIES + "/" + created.json().get("id").stringValue();
        HttpApi.Response renamed = asSession(api.patch(path), admin).json(Map.of("name", "Apps")).send();
        HttpApi.Response deleted = asSession(api.delete(path), admin).send();

        // Then
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").stringValue()).isEqualTo("Apps");
        assertThat(deleted.status()).isIn(200, 204);
        assertThat(api.get(CATEGORIES).bearer(owner.apiKey()).send().json()).isEmpty();
    }

    @Test
    void anOwnerSessionCanManageCategories() {
        // When
        HttpApi.Response created = asSession(api.post(CATEGORIES), owner.session()).json(Map.of("name", "Mine"))
                .send();

        // Then
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void aSessionWithoutCsrfTokenCannotWrite() {
        // Given
        HttpApi.Session agent = tickets.member(owner, "agent", "Alma Agent").withoutCsrf();

        // Then
        assertError(asSession(api.post(TICKETS), agent).json(Map.of("subject", "forged")).send(), 403);
        assertError(asSession(api.patch(TICKETS + "/" + id), agent).json(Map.of("subject", "forged")).send(), 403);
        assertTicketUnchanged();
    }

    @Test
    void aSessionOfANonMemberIs403() {
        // Given
        HttpApi.Owner stranger = api.newOwner();

        // Then
        assertError(api.get(TICKETS + "/" + id + "?entityId=" + owner.entity()).session(stranger.session()).send(),
                403);
        assertError(api.post(TICKETS + "?entityId=" + owner.entity()).session(stranger.session())
                .json(Map.of("subject", "x")).send(), 403);
    }

    @Test
    void noCredentialsIs401() {
        assertError(api.get(TICKETS).send(), 401);
        assertError(api.post(TICKETS).json(Map.of("subject", "x")).send(), 401);
        assertError(api.get(TICKETS).bearer("ak_not_a_real_key").send(), 401);
    }
}
