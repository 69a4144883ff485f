package org.helpdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.assertError;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Owner;
import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.HttpApi.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The entity of a request (API.md §2): query parameter, x-entity-id header or body field, and who may use it. */
class EntityResolutionIT extends ApiTest {

    @Test
    void sessionMayNameTheEntityInTheQuery() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.get("/api/settings/members?entityId=" + owner.entity()).session(owner.session()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void sessionMayNameTheEntityInTheHeader() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.get("/api/settings/members").session(owner.session()).header("x-entity-id", owner.entity()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void sessionMayNameTheEntityInTheJsonBody() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post("/api/settings/api-keys").session(owner.session())
                .json(Map.of("entityId", owner.entity(), "name", "From body", "scopes", List.of("read:helpdesk"))).send();

        // Then
        assertThat(r.status()).isEqualTo(201);
        String key = r.json().get("key").stringValue();
        assertThat(api.get(HttpApi.PROBE).bearer(key).send().json().get("entityId").stringValue()).isEqualTo(owner.entity());
    }

    @Test
    void sameEntityInSeveralPlacesIsAccepted() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post("/api/settings/api-keys?entityId=" + owner.entity()).session(owner.session())
                .header("x-entity-id", owner.entity())
                .json(Map.of("entityId", owner.entity(), "name", "Everywhere", "scopes", List.of("read:helpdesk"))).send();

        // Then
        assertThat(r.status()).isEqualTo(201);
    }

    @Test
    void differentEntityInQueryAndHeaderIs400() {
        // Given
        Owner owner = api.newOwner();
        Owner other = api.newOwner();

        // When
        Response r = api.get("/api/settings/members?entityId=" + owner.entity()).session(owner.session())
                .header("x-entity-id", other.entity()).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void differentEntityInQueryAndBodyIs400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post("/api/settings/api-keys?entityId=" + owner.entity()).session(owner.session())
                .json(Map.of("entityId", UUID.randomUUID().toString(), "name", "Split", "scopes", List.of("read:helpdesk"))).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void differentEntityInQueryAndHeaderIs400ForAKeyToo() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.get(HttpApi.PROBE + "?entityId=" + owner.entity()).bearer(owner.apiKey())
                .header("x-entity-id", UUID.randomUUID().toString()).send();

        // Then
        assertError(r, 400);
    }

    @ParameterizedTest(name = "entityId={0}")
    @ValueSource(strings = {"not-a-uuid", "123", "0000000000000000000000000000000000000"})
    void entityIdThatIsNotAUuidIs400(String entityId) {
        // Given
        Owner owner = api.newOwner();

        // When
        Response session = api.get("/api/settings/members?entityId=" + entityId).session(owner.session()).send();
        Response key = api.get(HttpApi.PROBE).bearer(owner.apiKey()).header("x-entity-id", entityId).send();

        // Then
        assertError(session, 400);
        assertError(key, 400);
    }

    @Test
    void entityIdAsANumberInTheBodyIs400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.post("/api/settings/api-keys").session(owner.session())
                .json(Map.of("entityId", 42, "name", "Number", "scopes", List.of("read:helpdesk"))).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void keyUsesItsOwnEntityWhenNoneIsGiven() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.get(HttpApi.PROBE).bearer(owner.apiKey()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("entityId").stringValue()).isEqualTo(owner.entity());
    }

    @Test
    void keyNamingItsOwnEntityIsAccepted() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.get(HttpApi.PROBE + "?entityId=" + owner.entity()).bearer(owner.apiKey()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void keyNamingAnotherEntityIs403() {
        // Given
        Owner owner = api.newOwner();
        Owner other = api.newOwner();

        // When
        Response query = api.get(HttpApi.PROBE + "?entityId=" + other.entity()).bearer(owner.apiKey()).send();
        Response header = api.get(HttpApi.PROBE).bearer(owner.apiKey()).header("x-entity-id", other.entity()).send();
        Response body = api.post(HttpApi.PROBE).bearer(owner.apiKey()).json(Map.of("entityId", other.entity())).send();

        // Then
        assertError(query, 403);
        assertError(header, 403);
        assertError(body, 403);
    }

    @Test
    void sessionWithoutEntityIs400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response settings = api.get("/api/settings/members").session(owner.session()).send();
        Response helpdesk = api.get(HttpApi.PROBE).session(owner.session()).send();

        // Then
        assertError(settings, 400);
        assertError(helpdesk, 400);
    }

    @Test
    void sessionForAnEntityTheUserIsNotAMemberOfIs403() {
        // Given
        Owner owner = api.newOwner();
        Owner other = api.newOwner();

        // When
        Response settings = api.get("/api/settings/members?entityId=" + other.entity()).session(owner.session()).send();
        Response helpdesk = api.get(HttpApi.PROBE + "?entityId=" + other.entity()).session(owner.session()).send();

        // Then
        assertError(settings, 403);
        assertError(helpdesk, 403);
    }

    @Test
    void sessionForAnEntityThatDoesNotExistIs403() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.get("/api/settings/members?entityId=" + UUID.randomUUID()).session(owner.session()).send();

        // Then
        assertError(r, 403);
    }

    @Test
    void viewerMayReadButNotWriteOnHelpdeskRoutes() {
        // Given
        Owner owner = api.newOwner();
        Session viewer = api.newMember(owner, "viewer");

        // When
        Response read = api.get(HttpApi.PROBE + "?entityId=" + owner.entity()).session(viewer).send();
        Response write = api.post(HttpApi.PROBE + "?entityId=" + owner.entity()).session(viewer).json(Map.of()).send();

        // Then
        assertThat(read.status()).isEqualTo(200);
        assertError(write, 403);
    }

    @Test
    void agentMayWriteOnHelpdeskRoutes() {
        // Given
        Owner owner = api.newOwner();
        Session agent = api.newMember(owner, "agent");

        // When
        Response r = api.post(HttpApi.PROBE).session(agent).json(Map.of("entityId", owner.entity())).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("role").stringValue()).isEqualTo("agent");
    }

    @Test
    void entityIdRepeatedInTheQueryWithDifferentValuesIs400() {
        // Given
        Owner owner = api.newOwner();
        Owner other = api.newOwner();

        // When
        Response r = api.get("/api/settings/members?entityId=" + owner.entity() + "&entityId=" + other.entity())
                .session(owner.session()).send();

        // Then
        assertError(r, 400);
    }
}
