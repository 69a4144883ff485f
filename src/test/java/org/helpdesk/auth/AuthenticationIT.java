package org.helpdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.assertError;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Owner;
import org.helpdesk.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who is calling (API.md §2): missing, malformed, unknown or competing credentials. */
class AuthenticationIT extends ApiTest {

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/helpdesk/tickets", "/api/helpdesk/categories", HttpApi.PROBE, "/api/me",
            "/api/settings/members", "/api/settings/api-keys"})
    void missingCredentialsAre401(String path) {
        // When
        Response r = api.get(path).send();

        // Then
        assertError(r, 401);
    }

    @Test
    void missingCredentialsOnAnUnsafeMethodAre401() {
        // When
        Response r = api.post("/api/helpdesk/tickets").json(java.util.Map.of("subject", "Hi")).send();

        // Then
        assertError(r, 401);
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer ak_", "Bearer ak_short", "Bearer xyz",
            "Bearer ak_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", "Token ak_0123456789012345678901234567890123456789",
            "ak_0123456789012345678901234567890123456789"})
    void malformedAuthorizationHeaderIs401(String header) {
        // When
        Response r = api.get(HttpApi.PROBE).header("Authorization", header).send();

        // Then
        assertError(r, 401);
    }

    @Test
    void unknownKeyIs401() {
        // When
        Response r = api.get("/api/helpdesk/tickets").bearer("ak_0123456789abcdefghijABCDEFGHIJ0123456789").send();

        // Then
        assertError(r, 401);
    }

    @Test
    void basicAuthIs401EvenWithRightPassword() {
        // Given
        Owner owner = api.newOwner();
        String basic = Base64.getEncoder().encodeToString((owner.session().email() + ":" + HttpApi.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        // When
        Response r = api.get(HttpApi.PROBE).header("Authorization", "Basic " + basic).send();

        // Then
        assertError(r, 401);
    }

    @Test
    void badKeyIs401EvenWithAValidSessionCookie() {
        // Given
        Owner owner = api.newOwner();
        assertThat(api.get("/api/me").session(owner.session()).send().status()).isEqualTo(200);

        // When
        Response me = api.get("/api/me").session(owner.session()).bearer("ak_0123456789abcdefghijABCDEFGHIJ0123456789").send();
        Response probe = api.get(HttpApi.PROBE + "?entityId=" + owner.entity()).session(owner.session())
                .header("Authorization", "Bearer nonsense").send();

        // Then
        assertError(me, 401);
        assertError(probe, 401);
    }

    @Test
    void keyTakesPrecedenceOverSessionWhenBothAreSent() {
        // Given the owner's session and a key of another entity
        Owner owner = api.newOwner();
        Owner other = api.newOwner();

        // When
        Response r = api.get(HttpApi.PROBE).session(owner.session()).bearer(other.apiKey()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("entityId").stringValue()).isEqualTo(other.entity());
        assertThat(r.json().get("viaApiKey").booleanValue()).isTrue();
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.get(HttpApi.PROBE).header("Authorization", "bearer " + owner.apiKey()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void sessionCookieThatIsNotASessionIs401() {
        // When
        Response r = api.get("/api/me").header("Cookie", "SESSION=bm90LWEtc2Vzc2lvbg").send();

        // Then
        assertError(r, 401);
    }

    @Test
    void signedInMemberReachesHelpdeskRoutesWithASession() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.get(HttpApi.PROBE + "?entityId=" + owner.entity()).session(owner.session()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("viaApiKey").booleanValue()).isFalse();
        assertThat(r.json().get("role").stringValue()).isEqualTo("owner");
    }
}
