package org.helpdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.TIMESTAMP;
import static org.helpdesk.support.ApiAssertions.assertError;
import static org.helpdesk.support.ApiAssertions.assertFields;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** POST /api/auth/signup (API.md §4). */
class SignupIT extends ApiTest {

    private static Map<String, Object> form(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("password", HttpApi.PASSWORD);
        body.put("name", "Sam Signup");
        body.put("entityName", "Signup Co");
        return body;
    }

    @Test
    void signupCreatesUserAndOwnedEntityAndAnswers201() {
        // Given
        String email = HttpApi.uniqueEmail("sam");

        // When
        Response r = api.post("/api/auth/signup").json(form(email)).send();

        // Then
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        assertFields(body, "user", "entity");
        JsonNode user = body.get("user");
        assertThat(user.get("id").stringValue()).matches("[0-9a-f-]{36}");
        assertThat(user.get("email").stringValue()).isEqualTo(email);
        assertThat(user.get("name").stringValue()).isEqualTo("Sam Signup");
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("passwordHash")).isFalse();
        assertThat(r.body()).doesNotContain(HttpApi.PASSWORD);
        JsonNode entity = body.get("entity");
        assertThat(entity.get("id").stringValue()).matches("[0-9a-f-]{36}");
        assertThat(entity.get("name").stringValue()).isEqualTo("Signup Co");
        assertThat(entity.get("createdAt").stringValue()).matches(TIMESTAMP);
    }

    @Test
    void signupSetsSessionAndCsrfCookiesThatSignTheUserIn() {
        // Given
        String email = HttpApi.uniqueEmail("sam");

        // When
        HttpApi.Session session = api.signup(email, HttpApi.PASSWORD, "Sam Signup", "Signup Co");

        // Then the cookies (parsed by HttpApi) are a working session and the user owns the new entity
        Response me = api.get("/api/me").session(session).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("user").get("email").stringValue()).isEqualTo(email);
        assertThat(me.json().get("memberships")).hasSize(1);
        assertThat(me.json().get("memberships").get(0).get("role").stringValue()).isEqualTo("owner");
        assertThat(me.json().get("memberships").get(0).get("entity").get("name").stringValue()).isEqualTo("Signup Co");
    }

    @Test
    void sessionCookieIsHttpOnlyAndCsrfCookieIsReadable() {
        // When
        Response r = api.post("/api/auth/signup").json(form(HttpApi.uniqueEmail("sam"))).send();

        // Then
        assertThat(r.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=").containsIgnoringCase("HttpOnly"));
        // the CSRF token must be readable by the page's script, which echoes it in X-XSRF-TOKEN
        assertThat(r.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").doesNotContainIgnoringCase("HttpOnly"));
    }

    @Test
    void signupWithTakenEmailIs409() {
        // Given
        String email = HttpApi.uniqueEmail("taken");
        api.signup(email, HttpApi.PASSWORD, "First", "First Co");

        // When
        Response r = api.post("/api/auth/signup").json(form(email)).send();

        // Then
        assertError(r, 409);
    }

    @Test
    void signupWithTakenEmailInOtherCaseIs409() {
        // Given
        String email = HttpApi.uniqueEmail("taken");
        api.signup(email, HttpApi.PASSWORD, "First", "First Co");

        // When
        Response r = api.post("/api/auth/signup").json(form(email.toUpperCase(Locale.ROOT))).send();

        // Then
        assertError(r, 409);
    }

    @ParameterizedTest(name = "missing {0}")
    @ValueSource(strings = {"email", "password", "name", "entityName"})
    void signupWithAMissingFieldIs400(String field) {
        // Given
        Map<String, Object> body = form(HttpApi.uniqueEmail("sam"));
        body.remove(field);

        // When
        Response r = api.post("/api/auth/signup").json(body).send();

        // Then
        assertError(r, 400);
    }

    @ParameterizedTest(name = "{0} as a number")
    @ValueSource(strings = {"email", "password", "name", "entityName"})
    void signupWithANumberForAStringFieldIs400(String field) {
        // Given
        Map<String, Object> body = form(HttpApi.uniqueEmail("sam"));
        body.put(field, 12345678);

        // When
        Response r = api.post("/api/auth/signup").json(body).send();

        // Then
        assertError(r, 400);
    }

    @ParameterizedTest(name = "email {0}")
    @ValueSource(strings = {"not-an-email", "a@b", "two words@example.com", "@example.com", ""})
    void signupWithAnInvalidEmailIs400(String email) {
        // When
        Response r = api.post("/api/auth/signup").json(form(email)).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void signupWithAShortPasswordIs400() {
        // Given
        Map<String, Object> body = form(HttpApi.uniqueEmail("sam"));
        body.put("password", "short");

        // When
        Response r = api.post("/api/auth/signup").json(body).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void signupWithABlankNameIs400() {
        // Given
        Map<String, Object> body = form(HttpApi.uniqueEmail("sam"));
        body.put("name", "   ");

        // When
        Response r = api.post("/api/auth/signup").json(body).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void failedSignupCreatesNoAccount() {
        // Given a signup refused for its short password
        String email = HttpApi.uniqueEmail("sam");
        Map<String, Object> body = form(email);
        body.put("password", "short");
        api.post("/api/auth/signup").json(body).send();

        // When the same email signs up properly
        Response r = api.post("/api/auth/signup").json(form(email)).send();

        // Then
        assertThat(r.status()).isEqualTo(201);
    }
}
