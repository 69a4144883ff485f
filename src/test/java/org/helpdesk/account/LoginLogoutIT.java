package org.helpdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.TIMESTAMP;
import static org.helpdesk.support.ApiAssertions.assertError;
import static org.helpdesk.support.ApiAssertions.assertFields;

import java.util.Locale;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.HttpApi.Session;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/auth/login, POST /api/auth/logout and GET /api/me (API.md §4). */
class LoginLogoutIT extends ApiTest {

    @Test
    void loginWithRightPasswordAnswers200WithTheUserAndASession() {
        // Given
        String email = HttpApi.uniqueEmail("lou");
        Session signedUp = api.signup(email, HttpApi.PASSWORD, "Lou Login", "Login Co");

        // When
        Response r = api.post("/api/auth/login").json(Map.of("email", email, "password", HttpApi.PASSWORD)).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertFields(r.json(), "user");
        assertThat(r.json().get("user").get("id").stringValue()).isEqualTo(signedUp.userId().toString());
        assertThat(r.json().get("user").get("email").stringValue()).isEqualTo(email);
        assertThat(r.body()).doesNotContain(HttpApi.PASSWORD);
        assertThat(r.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION="));
        Session session = api.login(email, HttpApi.PASSWORD);
        assertThat(api.get("/api/me").session(session).send().status()).isEqualTo(200);
    }

    @Test
    void loginFindsTheAccountWhateverTheCaseOfTheEmail() {
        // Given
        String email = HttpApi.uniqueEmail("lou");
        api.signup(email, HttpApi.PASSWORD, "Lou Login", "Login Co");

        // When
        Response r = api.post("/api/auth/login")
                .json(Map.of("email", email.toUpperCase(Locale.ROOT), "password", HttpApi.PASSWORD)).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void loginWithWrongPasswordIs401() {
        // Given
        String email = HttpApi.uniqueEmail("lou");
        api.signup(email, HttpApi.PASSWORD, "Lou Login", "Login Co");

        // When
        Response r = api.post("/api/auth/login").json(Map.of("email", email, "password", "wrong password")).send();

        // Then
        assertError(r, 401);
        assertThat(r.headers("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("SESSION="));
    }

    @Test
    void loginWithUnknownEmailIs401WithTheSameMessageAsAWrongPassword() {
        // Given
        String email = HttpApi.uniqueEmail("lou");
        api.signup(email, HttpApi.PASSWORD, "Lou Login", "Login Co");
        Response wrongPassword = api.post("/api/auth/login").json(Map.of("email", email, "password", "wrong password")).send();

        // When
        Response r = api.post("/api/auth/login")
                .json(Map.of("email", HttpApi.uniqueEmail("nobody"), "password", HttpApi.PASSWORD)).send();

        // Then
        assertError(r, 401);
        assertThat(r.error()).isEqualTo(wrongPassword.error());
    }

    @Test
    void loginWithoutPasswordIs400() {
        // When
        Response r = api.post("/api/auth/login").json(Map.of("email", HttpApi.uniqueEmail("lou"))).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void loginWithPasswordAsANumberIs400() {
        // When
        Response r = api.post("/api/auth/login").json(Map.of("email", HttpApi.uniqueEmail("lou"), "password", 12345678)).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void logoutAnswers204AndTheSessionNoLongerWorks() {
        // Given
        Session session = api.newUser("Logan");
        assertThat(api.get("/api/me").session(session).send().status()).isEqualTo(200);

        // When
        Response r = api.post("/api/auth/logout").session(session).send();

        // Then
        assertThat(r.status()).isEqualTo(204);
        assertError(api.get("/api/me").session(session).send(), 401);
    }

    @Test
    void logoutWithoutCsrfTokenIs403AndKeepsTheSession() {
        // Given
        Session session = api.newUser("Logan");

        // When
        Response r = api.post("/api/auth/logout").session(session).withoutHeader("X-XSRF-TOKEN").send();

        // Then
        assertError(r, 403);
        assertThat(api.get("/api/me").session(session).send().status()).isEqualTo(200);
    }

    @Test
    void meShowsTheUserAndEveryMembershipWithRole() {
        // Given an owner who is also an agent of another entity
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Owner other = api.newOwner();
        api.post("/api/settings/members?entityId=" + other.entity()).session(other.session())
                .json(Map.of("email", owner.session().email(), "role", "agent")).send();

        // When
        Response r = api.get("/api/me").session(owner.session()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertFields(body, "user", "memberships");
        JsonNode user = body.get("user");
        assertFields(user, "id", "email", "name", "createdAt");
        assertThat(user.get("id").stringValue()).isEqualTo(owner.session().userId().toString());
        assertThat(user.get("email").stringValue()).isEqualTo(owner.session().email());
        assertThat(user.get("name").stringValue()).isEqualTo("Olive Owner");
        assertThat(user.get("createdAt").stringValue()).matches(TIMESTAMP);
        assertThat(body.get("memberships")).hasSize(2);
        for (JsonNode membership : body.get("memberships")) {
            assertFields(membership, "entity", "role");
            assertFields(membership.get("entity"), "id", "name");
        }
        assertThat(body.get("memberships")).extracting(m -> m.get("entity").get("id").stringValue() + "=" + m.get("role").stringValue())
                .containsExactlyInAnyOrder(owner.entity() + "=owner", other.entity() + "=agent");
    }

    @Test
    void meWithoutSessionIs401() {
        // When
        Response r = api.get("/api/me").send();

        // Then
        assertError(r, 401);
    }

    @Test
    void meWithAnApiKeyIs403() {
        // Given
        HttpApi.Owner owner = api.newOwner();

        // When
        Response r = api.get("/api/me").bearer(owner.apiKey()).send();

        // Then
        assertError(r, 403);
    }
}
