package org.helpdesk.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.TIMESTAMP;
import static org.helpdesk.support.ApiAssertions.assertError;

import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.HttpApi.Session;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/entities (API.md §4). */
class EntityCreationIT extends ApiTest {

    @Test
    void createdEntityIs201AndTheCallerIsItsOwner() {
        // Given
        Session session = api.newUser("Erin");

        // When
        Response r = api.post("/api/entities").session(session).json(Map.of("name", "Second Desk")).send();

        // Then
        assertThat(r.status()).isEqualTo(201);
        JsonNode entity = r.json();
        String id = entity.get("id").stringValue();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(entity.get("name").stringValue()).isEqualTo("Second Desk");
        assertThat(entity.get("createdAt").stringValue()).matches(TIMESTAMP);
        JsonNode memberships = api.get("/api/me").session(session).send().json().get("memberships");
        assertThat(memberships).anySatisfy(m -> {
            assertThat(m.get("entity").get("id").stringValue()).isEqualTo(id);
            assertThat(m.get("entity").get("name").stringValue()).isEqualTo("Second Desk");
            assertThat(m.get("role").stringValue()).isEqualTo("owner");
        });
    }

    @Test
    void ownerOfTheNewEntityCanManageItsSettings() {
        // Given
        Session session = api.newUser("Erin");
        String id = api.post("/api/entities").session(session).json(Map.of("name", "Third Desk")).send()
                .json().get("id").stringValue();

        // When
        Response r = api.get("/api/settings/members?entityId=" + id).session(session).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).singleElement().satisfies(m -> assertThat(m.get("role").stringValue()).isEqualTo("owner"));
    }

    @Test
    void entityWithoutNameIs400() {
        // Given
        Session session = api.newUser("Erin");

        // When
        Response r = api.post("/api/entities").session(session).json(Map.of()).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void entityWithANumberAsNameIs400() {
        // Given
        Session session = api.newUser("Erin");

        // When
        Response r = api.post("/api/entities").session(session).json(Map.of("name", 42)).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void entityWithoutSessionIs401() {
        // When
        Response r = api.post("/api/entities").json(Map.of("name", "Nobody's")).send();

        // Then
        assertError(r, 401);
    }

    @Test
    void entityWithoutCsrfTokenIs403() {
        // Given
        Session session = api.newUser("Erin");

        // When
        Response r = api.post("/api/entities").session(session).withoutHeader("X-XSRF-TOKEN")
                .json(Map.of("name", "Forged")).send();

        // Then
        assertError(r, 403);
    }
}
