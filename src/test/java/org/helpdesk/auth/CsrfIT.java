package org.helpdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.assertError;

import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Owner;
import org.helpdesk.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

/** CSRF (API.md §2): unsafe session requests echo the XSRF-TOKEN cookie; key requests and signup/login need none. */
class CsrfIT extends ApiTest {

    @Test
    void sessionPostWithoutCsrfHeaderIs403() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post("/api/settings/api-keys?entityId=" + owner.entity()).session(owner.session())
                .withoutHeader("X-XSRF-TOKEN").json(Map.of("name", "Forged", "scopes", List.of("read:helpdesk"))).send();

        // Then
        assertError(r, 403);
        assertThat(api.get("/api/settings/api-keys?entityId=" + owner.entity()).session(owner.session()).send().json()).hasSize(1);
    }

    @Test
    void sessionPostWithWrongCsrfHeaderIs403() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post("/api/settings/api-keys?entityId=" + owner.entity()).session(owner.session())
                .header("X-XSRF-TOKEN", "forged-token").json(Map.of("name", "Forged", "scopes", List.of("read:helpdesk"))).send();

        // Then
        assertError(r, 403);
    }

    @Test
    void sessionPostWithCsrfHeaderSucceeds() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post("/api/settings/api-keys?entityId=" + owner.entity()).session(owner.session())
                .json(Map.of("name", "Genuine", "scopes", List.of("read:helpdesk"))).send();

        // Then
        assertThat(r.status()).isEqualTo(201);
    }

    @Test
    void sessionPatchAndDeleteWithoutCsrfHeaderAre403() {
        // Given
        Owner owner = api.newOwner();
        HttpApi.Session agent = api.newMember(owner, "agent");
        String member = "/api/settings/members/" + agent.userId() + "?entityId=" + owner.entity();

        // When
        Response patch = api.patch(member).session(owner.session()).withoutHeader("X-XSRF-TOKEN").json(Map.of("role", "viewer")).send();
        Response delete = api.delete(member).session(owner.session()).withoutHeader("X-XSRF-TOKEN").send();

        // Then
        assertError(patch, 403);
        assertError(delete, 403);
        assertThat(api.get("/api/settings/members?entityId=" + owner.entity()).session(owner.session()).send().json()).hasSize(2);
    }

    @Test
    void sessionPostOnHelpdeskRouteWithoutCsrfHeaderIs403() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post(HttpApi.PROBE + "?entityId=" + owner.entity()).session(owner.session())
                .withoutHeader("X-XSRF-TOKEN").json(Map.of()).send();

        // Then
        assertError(r, 403);
    }

    @Test
    void bearerRequestsNeedNoCsrfToken() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post(HttpApi.PROBE).bearer(owner.apiKey()).json(Map.of("entityId", owner.entity())).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void bearerRequestsNeedNoCsrfTokenEvenWithASessionCookie() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post(HttpApi.PROBE).session(owner.session().withoutCsrf()).bearer(owner.apiKey())
                .json(Map.of()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void signupAndLoginNeedNoCsrfToken() {
        // Given a browser that already has a session
        Owner owner = api.newOwner();
        String email = HttpApi.uniqueEmail("csrf");

        // When
        Response signup = api.post("/api/auth/signup").session(owner.session().withoutCsrf())
                .json(Map.of("email", email, "password", HttpApi.PASSWORD, "name", "C", "entityName", "C Co")).send();
        Response login = api.post("/api/auth/login").session(owner.session().withoutCsrf())
                .json(Map.of("email", owner.session().email(), "password", HttpApi.PASSWORD)).send();

        // Then
        assertThat(signup.status()).isEqualTo(201);
        assertThat(login.status()).isEqualTo(200);
    }

    @Test
    void badKeyOnAnUnsafeSessionRequestIs401NotACsrfError() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post("/api/settings/api-keys?entityId=" + owner.entity()).session(owner.session())
                .withoutHeader("X-XSRF-TOKEN").bearer("ak_0123456789abcdefghijABCDEFGHIJ0123456789")
                .json(Map.of("name", "Sneaky", "scopes", List.of("read:helpdesk"))).send();

        // Then
        assertError(r, 401);
    }
}
