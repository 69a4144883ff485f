package org.helpdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.assertError;

import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi.Owner;
import org.helpdesk.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each finding of the outside-in test (issue 11), as a request that used to get the wrong answer. */
class OutsideInIT extends ApiTest {
    private static final String BOGUS_KEY = "ak_" + "x".repeat(40);

    private Owner owner;

    @BeforeEach
    void setUp() {
        owner = api.newOwner();
    }

    private int ticketCount() {
        return api.get("/api/helpdesk/tickets?limit=200").bearer(owner.apiKey()).send().json().size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%61pi/helpdesk/tickets", "/api/helpdesk/%74ickets", "/%61%70%69/helpdesk/tickets"})
    void aPercentEncodedPathStillLetsTheAuthorizationHeaderAloneDecide(String path) {
        // Given a valid browser session and a bogus API key on the same request
        int before = ticketCount();

        // When
        Response r = api.post(path + "?entityId=" + owner.entity()).session(owner.session()).bearer(BOGUS_KEY)
                .json(Map.of("subject", "through an encoded path")).send();

        // Then
        assertError(r, 401);
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void aPercentEncodedPathStillHasTheBodySizeCap() {
        // Given
        String big = "{\"subject\":\"" + "x".repeat(1024 * 1024) + "\"}";

        // When
        Response r = api.post("/%61pi/helpdesk/tickets").bearer(owner.apiKey()).raw(big, "application/json").send();

        // Then
        assertError(r, 413);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "*/json", "application/json; charset=no-such-charset",
            "application/json; charset=", "text/plain", ";", "application/json/x"})
    void aWildcardOrMalformedContentTypeIs415(String contentType) {
        // When
        Response post = api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).raw("{\"subject\":\"x\"}", contentType).send();
        Response patch = api.patch("/api/helpdesk/tickets/" + java.util.UUID.randomUUID()).bearer(owner.apiKey())
                .raw("{\"status\":\"open\"}", contentType).send();
        Response login = api.post("/api/auth/login").raw("{\"email\":\"a@example.com\",\"password\":\"x\"}", contentType).send();

        // Then
        assertError(post, 415);
        assertError(patch, 415);
        assertError(login, 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "no/such/type"})
    void aWildcardOrMalformedContentTypeOnAnEmptyBodyIs415(String contentType) {
        // When (found by RandomRequestsIT: an empty login body with Content-Type */* was a 500)
        Response login = api.post("/api/auth/login").raw("", contentType).send();
        Response create = api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).raw("", contentType).send();

        // Then
        assertError(login, 415);
        assertError(create, 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"search=%FF", "q=%C3", "status=%E0%A4", "entityId=%FE%FF"})
    void aQueryStringThatIsNotUtf8Is400(String query) {
        // When (found by RandomRequestsIT: Tomcat's decoding failure surfaced as a 500)
        Response list = api.get("/api/helpdesk/tickets?" + query).bearer(owner.apiKey()).send();
        Response message = api.post("/api/helpdesk/tickets/" + java.util.UUID.randomUUID() + "/messages?" + query)
                .bearer(owner.apiKey()).json(Map.of("body", "x")).send();

        // Then
        assertError(list, 400);
        assertError(message, 400);
    }

    @Test
    void aFormContentTypeOnAnEmptyLogoutIsFine() {
        // When: a plain HTML logout button
        Response r = api.post("/api/auth/logout").session(owner.session()).raw("", "application/x-www-form-urlencoded").send();

        // Then
        assertThat(r.status()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%", "%E0%A4%A=1", "subject=ok"})
    void aFormBodyIs415EvenWhenItCannotBeDecoded(String body) {
        // Given
        String id = api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).json(Map.of("subject", "form target"))
                .send().json().get("id").stringValue();

        // When
        Response patch = api.patch("/api/helpdesk/tickets/" + id).bearer(owner.apiKey())
                .raw(body, "application/x-www-form-urlencoded").send();
        Response post = api.post("/api/helpdesk/tickets").bearer(owner.apiKey())
                .raw(body, "application/x-www-form-urlencoded").send();

        // Then
        assertError(patch, 415);
        assertError(post, 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE"})
    void aDirectRequestToTheErrorPathIs404(String method) {
        // When
        Response r = api.method(method, "/error").raw("{}", "application/json").send();

        // Then
        assertError(r, 404);
    }

    @Test
    void aNulCharacterInATextFieldIs400AndStoresNothing() {
        // Given
        int before = ticketCount();
        String id = api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).json(Map.of("subject", "clean"))
                .send().json().get("id").stringValue();

        // When
        Response create = api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).json(Map.of("subject", "a\u0000b")).send();
        Response description = api.post("/api/helpdesk/tickets").bearer(owner.apiKey())
                .json(Map.of("subject", "ok", "description", "x\u0000")).send();
        Response patch = api.patch("/api/helpdesk/tickets/" + id).bearer(owner.apiKey())
                .json(Map.of("contactName", "\u0000")).send();
        Response message = api.post("/api/helpdesk/tickets/" + id + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "hi\u0000")).send();
        Response category = api.post("/api/helpdesk/categories").bearer(owner.apiKey())
                .json(Map.of("name", "c\u0000")).send();
        Response search = api.get("/api/helpdesk/tickets?search=a%00b").bearer(owner.apiKey()).send();
        Response signup = api.post("/api/auth/signup").json(Map.of("email", "nul-" + java.util.UUID.randomUUID() + "@example.com",
                "password", "long enough", "name", "N\u0000", "entityName", "E")).send();

        // Then
        for (Response r : new Response[] {create, description, patch, message, category, search, signup}) {
            assertError(r, 400);
        }
        assertThat(ticketCount()).isEqualTo(before + 1);
        var ticket = api.get("/api/helpdesk/tickets/" + id).bearer(owner.apiKey()).send().json();
        assertThat(ticket.get("contactName").isNull()).isTrue();
        assertThat(ticket.get("messages").size()).isZero();
    }

    @Test
    void aLogoutCarryingAnAuthorizationHeaderDoesNotEndTheSessionCookieSentAlong() {
        // When
        Response logout = api.post("/api/auth/logout").session(owner.session()).bearer(owner.apiKey()).send();

        // Then
        assertThat(logout.status()).isEqualTo(204);
        assertThat(api.get("/api/me").session(owner.session()).send().status()).isEqualTo(200);
    }
}
