package org.helpdesk.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.CATEGORIES;
import static org.helpdesk.support.TicketApi.TIMESTAMP;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** GET/POST /api/helpdesk/categories, PATCH/DELETE /api/helpdesk/categories/{id} (API.md §4). */
class CategoriesIT extends ApiTest {
    private static final List<String> FIELDS = List.of("id", "entityId", "name", "createdAt");

    private TicketApi tickets;
    private HttpApi.Owner owner;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
    }

    private List<String> names(HttpApi.Owner who) {
        HttpApi.Response r = api.get(CATEGORIES).bearer(who.apiKey()).send();
        assertThat(r.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().forEach(c -> names.add(c.get("name").stringValue()));
        return names;
    }

    @Test
    void createdCategoryIs201WithItsFields() {
        // When
        HttpApi.Response r = api.post(CATEGORIES).bearer(owner.apiKey()).json(Map.of("name", "Hardware")).send();

        // Then
        assertThat(r.status()).isEqualTo(201);
        JsonNode c = r.json();
        assertFields(c, FIELDS);
        assertThat(UUID.fromString(c.get("id").stringValue())).isNotNull();
        assertThat(c.get("entityId").stringValue()).isEqualTo(owner.entity());
        assertThat(c.get("name").stringValue()).isEqualTo("Hardware");
        assertThat(c.get("createdAt").stringValue()).matches(TIMESTAMP);
    }

    @Test
    void listShowsTheEntitysCategoriesOnly() {
        // Given
        tickets.createCategory(owner, "Hardware");
        tickets.createCategory(owner, "Billing");
        HttpApi.Owner other = api.newOwner();
        tickets.createCategory(other, "Secret");

        // When
        HttpApi.Response r = api.get(CATEGORIES).bearer(owner.apiKey()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        r.json().forEach(c -> assertFields(c, FIELDS));
        assertThat(names(owner)).containsExactlyInAnyOrder("Hardware", "Billing");
        assertThat(names(other)).containsExactly("Secret");
    }

    @Test
    void nameIsTrimmed() {
        assertThat(tickets.createCategory(owner, "  Spaced  ").get("name").stringValue()).isEqualTo("Spaced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hardware", "hardware", "HARDWARE", " Hardware "})
    void aDuplicateNameIgnoringCaseIs409(String duplicate) {
        // Given
        tickets.createCategory(owner, "Hardware");

        // When
        HttpApi.Response r = api.post(CATEGORIES).bearer(owner.apiKey()).json(Map.of("name", duplicate)).send();

        // Then
        assertError(r, 409);
        assertThat(names(owner)).containsExactly("Hardware");
    }

    @Test
    void theSameNameInAnotherEntityIsFine() {
        // Given
        tickets.createCategory(owner, "Hardware");
        HttpApi.Owner other = api.newOwner();

        // Then
        assertThat(tickets.createCategory(other, "hardware").get("name").stringValue()).isEqualTo("hardware");
    }

    @Test
    void renamingChangesTheName() {
        // Given
        JsonNode c = tickets.createCategory(owner, "Hardwear");

        // When
        HttpApi.Response r = api.patch(CATEGORIES + "/" + c.get("id").stringValue()).bearer(owner.apiKey())
                .json(Map.of("name", "Hardware")).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertFields(r.json(), FIELDS);
        assertThat(r.json().get("name").stringValue()).isEqualTo("Hardware");
        assertThat(r.json().get("id")).isEqualTo(c.get("id"));
        assertThat(r.json().get("createdAt")).isEqualTo(c.get("createdAt"));
        assertThat(names(owner)).containsExactly("Hardware");
    }

    @Test
    void changingOnlyTheCaseOfItsOwnNameIsFine() {
        // Given
        JsonNode c = tickets.createCategory(owner, "billing");

        // When
        HttpApi.Response r = api.patch(CATEGORIES + "/" + c.get("id").stringValue()).bearer(owner.apiKey())
                .json(Map.of("name", "Billing")).send();

        // Then
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(names(owner)).containsExactly("Billing");
    }

    @Test
    void renamingToAnotherCategorysNameIs409() {
        // Given
        tickets.createCategory(owner, "Hardware");
        JsonNode software = tickets.createCategory(owner, "Software");

        // When
        HttpApi.Response r = api.patch(CATEGORIES + "/" + software.get("id").stringValue()).bearer(owner.apiKey())
                .json(Map.of("name", "HARDWARE")).send();

        // Then
        assertError(r, 409);
        assertThat(names(owner)).containsExactlyInAnyOrder("Hardware", "Software");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"name\": \"\"}", "{\"name\": \"  \"}", "{\"name\": 42}", "{\"name\": null}",
            "[]", "\"name\"", "{\"name\": ", "{\"name\": \"a\"} x"})
    void badCreateInputIs400AndCreatesNothing(String raw) {
        assertError(api.post(CATEGORIES).bearer(owner.apiKey()).raw(raw, "application/json").send(), 400);
        assertThat(names(owner)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"\"}", "{\"name\": 42}", "{\"name\": null}", "[]", "{\"name\": "})
    void badRenameInputIs400AndChangesNothing(String raw) {
        // Given
        JsonNode c = tickets.createCategory(owner, "Hardware");

        // When
        HttpApi.Response r = api.patch(CATEGORIES + "/" + c.get("id").stringValue()).bearer(owner.apiKey())
                .raw(raw, "application/json").send();

        // Then
        assertError(r, 400);
        assertThat(names(owner)).containsExactly("Hardware");
    }

    @Test
    void deletingRemovesTheCategory() {
        // Given
        JsonNode c = tickets.createCategory(owner, "Obsolete");

        // When
        HttpApi.Response r = api.delete(CATEGORIES + "/" + c.get("id").stringValue()).bearer(owner.apiKey()).send();

        // Then
        assertThat(r.status()).isIn(200, 204);
        assertThat(names(owner)).isEmpty();
        assertError(api.delete(CATEGORIES + "/" + c.get("id").stringValue()).bearer(owner.apiKey()).send(), 404);
    }

    @Test
    void deletingACategoryLeavesItsTicketsUncategorised() {
        // Given
        String category = tickets.createCategory(owner, "Obsolete").get("id").stringValue();
        String kept = tickets.createCategory(owner, "Kept").get("id").stringValue();
        String inIt = tickets.create(owner, body("subject", "in it", "categoryId", category)).get("id").stringValue();
        String inOther = tickets.create(owner, body("subject", "other", "categoryId", kept)).get("id").stringValue();

        // When
        api.delete(CATEGORIES + "/" + category).bearer(owner.apiKey()).send();

        // Then
        JsonNode ticket = tickets.get(owner, inIt);
        assertThat(ticket.get("categoryId").isNull()).isTrue();
        assertThat(ticket.get("subject").stringValue()).isEqualTo("in it");
        assertThat(tickets.get(owner, inOther).get("categoryId").stringValue()).isEqualTo(kept);
        assertThat(tickets.listIds(owner, "")).containsExactlyInAnyOrder(inIt, inOther);
        assertThat(tickets.listIds(owner, "categoryId=" + category)).isEmpty();
    }

    @Test
    void deletingACategoryMovesUpdatedAtOfItsTicketsSoSyncingIntegrationsSeeTheChange() {
        // Given
        String category = tickets.createCategory(owner, "Obsolete").get("id").stringValue();
        JsonNode inIt = tickets.create(owner, body("subject", "in it", "categoryId", category));
        JsonNode outside = tickets.create(owner, "outside");
        TicketApi.nextMillisecond();
        String before = java.time.Instant.now().toString();
        TicketApi.nextMillisecond();

        // When
        api.delete(CATEGORIES + "/" + category).bearer(owner.apiKey()).send();

        // Then
        JsonNode after = tickets.get(owner, inIt.get("id").stringValue());
        assertThat(after.get("updatedAt").stringValue()).isGreaterThan(inIt.get("updatedAt").stringValue());
        assertThat(tickets.get(owner, outside.get("id").stringValue()).get("updatedAt"))
                .isEqualTo(outside.get("updatedAt"));
        assertThat(tickets.listIds(owner, "updatedSince=" + TicketApi.encode(before)))
                .containsExactly(inIt.get("id").stringValue());
    }

    @Test
    void aDeletedCategoryCannotBeUsedForTickets() {
        // Given
        String category = tickets.createCategory(owner, "Gone").get("id").stringValue();
        api.delete(CATEGORIES + "/" + category).bearer(owner.apiKey()).send();

        // Then
        assertError(api.post(TicketApi.TICKETS).bearer(owner.apiKey())
                .json(Map.of("subject", "x", "categoryId", category)).send(), 400);
    }

    @Test
    void aCategoryOfAnotherEntityIs404AndStaysUnchanged() {
        // Given
        HttpApi.Owner other = api.newOwner();
        String theirs = tickets.createCategory(other, "Theirs").get("id").stringValue();

        // Then
        assertError(api.patch(CATEGORIES + "/" + theirs).bearer(owner.apiKey()).json(Map.of("name", "Mine")).send(),
                404);
        assertError(api.delete(CATEGORIES + "/" + theirs).bearer(owner.apiKey()).send(), 404);
        assertThat(names(other)).containsExactly("Theirs");
        assertThat(names(owner)).isEmpty();
    }

    @Test
    void anUnknownCategoryIs404() {
        String unknown = CATEGORIES + "/" + UUID.randomUUID();
        assertError(api.patch(unknown).bearer(owner.apiKey()).json(Map.of("name", "x")).send(), 404);
        assertError(api.delete(unknown).bearer(owner.apiKey()).send(), 404);
    }

    @Test
    void aMalformedCategoryIdIs400() {
        assertError(api.patch(CATEGORIES + "/nope").bearer(owner.apiKey()).json(Map.of("name", "x")).send(), 400);
        assertError(api.delete(CATEGORIES + "/nope").bearer(owner.apiKey()).send(), 400);
    }
}
