package org.helpdesk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.assertError;

import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Owner;
import org.helpdesk.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conventions (API.md §1): every error is {"error": "..."} as JSON, and bodies are strict JSON objects. */
class ErrorShapeIT extends ApiTest {
    private static final int ONE_MIB = 1024 * 1024;

    /** A login body of exactly this many bytes (valid JSON, padded with an ignored field). */
    private static String loginBodyOfSize(int bytes) {
        String head = "{\"email\":\"padding@example.com\",\"password\":\"wrong password\",\"pad\":\"";
        String tail = "\"}";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }

    @Test
    void unknownApiRouteIs404() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.get("/api/no-such-route").bearer(owner.apiKey()).send();

        // Then
        assertError(r, 404);
    }

    @Test
    void unknownRouteOutsideTheApiIsAn404PageInTheLayout() {
        // When
        Response r = api.get("/no/such/page").header("Accept", "application/json").send();

        // Then: pages are not the API; their errors are HTML in the layout (docs/ui.md)
        org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(r.header("Content-Type")).startsWith("text/html");
        org.assertj.core.api.Assertions.assertThat(r.body()).contains("There is no page at this address.", "Helpdesk");
    }

    @Test
    void anUnmappedPathWithAWildcardContentTypeIs404NotAServerError() {
        // Given: a signed-in caller (past CSRF); found by the random-request test once static files were mapped
        // only under their folders, when the dispatcher's own "no handler" branch choked on the content type
        Owner owner = api.newOwner();

        // When
        Response error = api.post("/error/").session(owner.session()).raw("{}", "*/*").send();
        Response page = api.post("/no/such/page").session(owner.session()).raw("{}", "*/*").send();

        // Then
        org.assertj.core.api.Assertions.assertThat(error.status()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(page.status()).isEqualTo(404);
    }

    @Test
    void wrongMethodIs405() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response login = api.put("/api/auth/login").json(Map.of("email", "a@example.com", "password", "x")).send();
        Response me = api.delete("/api/me").session(owner.session()).send();

        // Then
        assertError(login, 405);
        assertError(me, 405);
    }

    @Test
    void getOnAPostOnlyRouteIs405() {
        // When
        Response r = api.get("/api/auth/login").send();

        // Then
        assertError(r, 405);
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void nonJsonContentTypeIs415(String contentType) {
        // When
        Response r = api.post("/api/auth/login").raw("{\"email\":\"a@example.com\",\"password\":\"password1\"}", contentType).send();

        // Then
        assertError(r, 415);
    }

    @Test
    void nonJsonContentTypeOnAnAuthenticatedRouteIs415() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post("/api/entities").session(owner.session()).raw("name=Plain", "text/plain").send();

        // Then
        assertError(r, 415);
    }

    @Test
    void bodyLargerThanOneMebibyteIs413() {
        // When
        Response r = api.post("/api/auth/login").raw(loginBodyOfSize(ONE_MIB + 1), "application/json").send();

        // Then
        assertError(r, 413);
    }

    @Test
    void bodyLargerThanOneMebibyteWithoutContentLengthIs413() {
        // When
        Response r = api.post("/api/auth/login").raw(loginBodyOfSize(ONE_MIB + 1), "application/json").chunked().send();

        // Then
        assertError(r, 413);
    }

    @Test
    void bodyOfExactlyOneMebibyteIsAccepted() {
        // When
        Response r = api.post("/api/auth/login").raw(loginBodyOfSize(ONE_MIB), "application/json").send();

        // Then the body was read: wrong credentials, not too large
        assertError(r, 401);
    }

    @Test
    void bodyLargerThanOneMebibyteIs413EvenOnAnAuthenticatedRoute() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post(HttpApi.PROBE).bearer(owner.apiKey()).raw(loginBodyOfSize(2 * ONE_MIB), "application/json").send();

        // Then
        assertError(r, 413);
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{", "{\"email\":", "not json", "{'email':'a@example.com'}", "{\"email\":\"a@example.com\",}"})
    void malformedJsonIs400(String body) {
        // When
        Response r = api.post("/api/auth/login").raw(body, "application/json").send();

        // Then
        assertError(r, 400);
    }

    @Test
    void emptyBodyIs400() {
        // When
        Response r = api.post("/api/auth/login").raw("", "application/json").send();

        // Then
        assertError(r, 400);
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"email\":\"a@example.com\",\"password\":\"password1\"} {}",
            "{\"email\":\"a@example.com\",\"password\":\"password1\"}x",
            "{\"email\":\"a@example.com\",\"password\":\"password1\"}]"})
    void trailingContentAfterTheJsonIs400(String body) {
        // When
        Response r = api.post("/api/auth/login").raw(body, "application/json").send();

        // Then
        assertError(r, 400);
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"[]", "[{\"email\":\"a@example.com\"}]", "\"a@example.com\"", "42", "true", "null"})
    void nonObjectBodyIs400(String body) {
        // When
        Response r = api.post("/api/auth/login").raw(body, "application/json").send();

        // Then
        assertError(r, 400);
    }

    @Test
    void nonObjectBodyOnAnAuthenticatedRouteIs400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post("/api/settings/api-keys?entityId=" + owner.entity()).session(owner.session())
                .raw("[\"read:helpdesk\"]", "application/json").send();

        // Then
        assertError(r, 400);
    }

    @Test
    void numberWhereAStringIsExpectedIs400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response login = api.post("/api/auth/login").json(Map.of("email", 1, "password", "password1")).send();
        Response key = api.post("/api/settings/api-keys?entityId=" + owner.entity()).session(owner.session())
                .json(Map.of("name", 7, "scopes", List.of("read:helpdesk"))).send();

        // Then
        assertError(login, 400);
        assertError(key, 400);
    }

    @Test
    void booleanWhereAStringIsExpectedIs400() {
        // When
        Response r = api.post("/api/auth/login").json(Map.of("email", true, "password", "password1")).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void unknownFieldsAreIgnored() {
        // Given
        String email = HttpApi.uniqueEmail("extra");

        // When
        Response r = api.post("/api/auth/signup").json(Map.of("email", email, "password", HttpApi.PASSWORD, "name", "E",
                "entityName", "E Co", "id", "00000000-0000-0000-0000-000000000000", "favouriteColour", "teal")).send();

        // Then
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("user").get("id").stringValue()).isNotEqualTo("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void unauthenticatedErrorsAreJsonToo() {
        // When
        Response r = api.get("/api/settings/members").header("Accept", "text/html").send();

        // Then
        assertError(r, 401);
    }

    @Test
    void errorsAreJsonEvenWhenTheClientAsksForHtml() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response notFound = api.get("/api/no-such-route").bearer(owner.apiKey()).header("Accept", "text/html").send();
        Response notAllowed = api.put("/api/auth/login").header("Accept", "text/html").json(Map.of()).send();
        Response unsupported = api.post("/api/auth/login").header("Accept", "text/html").raw("x", "text/plain").send();
        Response malformed = api.post("/api/auth/login").header("Accept", "text/html").raw("{", "application/json").send();
        Response badCredentials = api.post("/api/auth/login").header("Accept", "text/html")
                .json(Map.of("email", HttpApi.uniqueEmail("nobody"), "password", "password1")).send();
        Response forbidden = api.get("/api/settings/members?entityId=" + owner.entity()).bearer(owner.apiKey())
                .header("Accept", "text/html").send();

        // Then
        assertError(notFound, 404);
        assertError(notAllowed, 405);
        assertError(unsupported, 415);
        assertError(malformed, 400);
        assertError(badCredentials, 401);
        assertError(forbidden, 403);
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() {
        // Given
        String email = HttpApi.uniqueEmail("charset");

        // When
        Response r = api.post("/api/auth/signup").raw(HttpApi.JSON.writeValueAsString(Map.of("email", email,
                "password", HttpApi.PASSWORD, "name", "Zoë", "entityName", "Ünïcode Co")), "application/json; charset=utf-8").send();

        // Then
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("user").get("name").stringValue()).isEqualTo("Zoë");
        assertThat(r.json().get("entity").get("name").stringValue()).isEqualTo("Ünïcode Co");
    }
}
