package org.helpdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.assertError;

import java.util.Map;

import org.helpdesk.support.LockedDownInstallTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.HttpApi.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import tools.jackson.databind.JsonNode;

/**
 * An install with signup switched off, whose first owner comes from HELPDESK_BOOTSTRAP_* (API.md §4). Its own
 * Spring context, so both settings share it. The database outlives the context (and, on PostgreSQL, the run),
 * so the bootstrap has usually run before: exactly what its idempotency must cope with.
 */
class SignupOffWithBootstrapOwnerIT extends LockedDownInstallTest {
    static final String EMAIL = BOOTSTRAP_EMAIL;
    static final String PASSWORD = BOOTSTRAP_PASSWORD;
    static final String ENTITY = BOOTSTRAP_ENTITY;

    @Autowired
    Bootstrap bootstrap;

    @Test
    void signupIsRefusedWith403WhenSwitchedOff() {
        // When
        Response r = api.post("/api/auth/signup").json(Map.of("email", HttpApi.uniqueEmail("late"),
                "password", HttpApi.PASSWORD, "name", "Late", "entityName", "Late Co")).send();

        // Then
        assertError(r, 403);
    }

    @Test
    void refusedSignupCreatesNoAccount() {
        // Given
        String email = HttpApi.uniqueEmail("late");
        api.post("/api/auth/signup").json(Map.of("email", email, "password", HttpApi.PASSWORD, "name", "Late",
                "entityName", "Late Co")).send();

        // When
        Response r = api.post("/api/auth/login").json(Map.of("email", email, "password", HttpApi.PASSWORD)).send();

        // Then
        assertError(r, 401);
    }

    @Test
    void bootstrapOwnerCanSignInAndOwnsTheBootstrapEntity() {
        // When
        Session session = api.login(EMAIL, PASSWORD);

        // Then
        JsonNode me = api.get("/api/me").session(session).send().json();
        assertThat(me.get("user").get("email").stringValue()).isEqualTo("bootstrap-owner@example.com");
        assertThat(me.get("user").get("name").stringValue()).isEqualTo("Boot Strap");
        assertThat(me.get("memberships")).singleElement().satisfies(m -> {
            assertThat(m.get("role").stringValue()).isEqualTo("owner");
            assertThat(m.get("entity").get("name").stringValue()).isEqualTo(ENTITY);
        });
    }

    @Test
    void bootstrapRunsOnlyOnce() {
        // Given the bootstrap already ran at start-up
        Session session = api.login(EMAIL, PASSWORD);
        JsonNode before = api.get("/api/me").session(session).send().json().get("memberships");

        // When it runs again, as on the next start of the app
        bootstrap.run(new DefaultApplicationArguments());

        // Then nothing new was created
        JsonNode after = api.get("/api/me").session(session).send().json().get("memberships");
        assertThat(after).hasSize(1);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void bootstrapOwnerCanManageTheEntity() {
        // Given
        Session session = api.login(EMAIL, PASSWORD);
        String entityId = api.get("/api/me").session(session).send().json().get("memberships").get(0)
                .get("entity").get("id").stringValue();

        // When
        Response members = api.get("/api/settings/members?entityId=" + entityId).session(session).send();
        Response key = api.post("/api/settings/api-keys?entityId=" + entityId).session(session)
                .json(Map.of("name", "Bootstrap key", "scopes", java.util.List.of("read:helpdesk"))).send();

        // Then
        assertThat(members.status()).isEqualTo(200);
        assertThat(key.status()).isEqualTo(201);
    }

    @Test
    void bootstrapOwnerWithWrongPasswordIs401() {
        // When
        Response r = api.post("/api/auth/login").json(Map.of("email", EMAIL, "password", "not the password")).send();

        // Then
        assertError(r, 401);
    }
}
