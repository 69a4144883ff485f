package org.helpdesk.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.TIMESTAMP;
import static org.helpdesk.support.ApiAssertions.assertError;
import static org.helpdesk.support.ApiAssertions.assertFields;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Owner;
import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.HttpApi.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** GET/POST /api/settings/api-keys and DELETE /api/settings/api-keys/{id} (API.md §2, §4). */
class ApiKeysIT extends ApiTest {
    private static final String[] KEY_FIELDS = {"id", "name", "prefix", "scopes", "createdAt", "expiresAt", "lastUsedAt"};

    private static String keys(Owner owner) {
        return "/api/settings/api-keys?entityId=" + owner.entity();
    }

    private Response create(Owner owner, Map<String, ?> body) {
        return api.post(keys(owner)).session(owner.session()).json(body).send();
    }

    private JsonNode find(Owner owner, String id) {
        for (JsonNode key : api.get(keys(owner)).session(owner.session()).send().json()) {
            if (key.get("id").stringValue().equals(id)) {
                return key;
            }
        }
        return null;
    }

    @Test
    void createdKeyIs201AndShowsTheSecretOnce() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = create(owner, Map.of("name", "Zapier", "scopes", List.of("read:helpdesk")));

        // Then
        assertThat(r.status()).isEqualTo(201);
        JsonNode key = r.json();
        List<String> fields = new java.util.ArrayList<>(List.of(KEY_FIELDS));
        fields.add("key");
        assertFields(key, fields.toArray(String[]::new));
        assertThat(key.get("id").stringValue()).matches("[0-9a-f-]{36}");
        assertThat(key.get("name").stringValue()).isEqualTo("Zapier");
        assertThat(key.get("key").stringValue()).matches("ak_[0-9A-Za-z]{32,}");
        assertThat(key.get("key").stringValue()).startsWith(key.get("prefix").stringValue());
        assertThat(key.get("prefix").stringValue()).startsWith("ak_").isNotEqualTo(key.get("key").stringValue());
        assertThat(key.get("scopes")).extracting(JsonNode::stringValue).containsExactly("read:helpdesk");
        assertThat(key.get("createdAt").stringValue()).matches(TIMESTAMP);
        assertThat(key.get("expiresAt").isNull()).isTrue();
        assertThat(key.get("lastUsedAt").isNull()).isTrue();
    }

    @Test
    void listShowsKeysButNeverTheSecret() {
        // Given
        Owner owner = api.newOwner();
        Response created = create(owner, Map.of("name", "Listed", "scopes", List.of("read:helpdesk", "write:helpdesk")));
        String secret = created.json().get("key").stringValue();

        // When
        Response r = api.get(keys(owner)).session(owner.session()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(secret).doesNotContain(owner.apiKey());
        assertThat(r.json()).hasSize(2);
        for (JsonNode key : r.json()) {
            assertFields(key, KEY_FIELDS);
        }
        JsonNode listed = find(owner, created.json().get("id").stringValue());
        assertThat(listed.get("name").stringValue()).isEqualTo("Listed");
        assertThat(listed.get("prefix").stringValue()).isEqualTo(created.json().get("prefix").stringValue());
        assertThat(listed.get("scopes")).extracting(JsonNode::stringValue)
                .containsExactlyInAnyOrder("read:helpdesk", "write:helpdesk");
        assertThat(listed.get("createdAt").stringValue()).isEqualTo(created.json().get("createdAt").stringValue());
    }

    @Test
    void createdKeyAuthenticatesForItsEntity() {
        // Given
        Owner owner = api.newOwner();
        String key = create(owner, Map.of("name", "Reader", "scopes", List.of("read:helpdesk"))).json().get("key").stringValue();

        // When
        Response r = api.get(HttpApi.PROBE).bearer(key).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("entityId").stringValue()).isEqualTo(owner.entity());
        assertThat(r.json().get("userId").stringValue()).isEqualTo(owner.session().userId().toString());
    }

    @Test
    void revokedKeyIsRefusedOnTheNextRequest() {
        // Given
        Owner owner = api.newOwner();
        Response created = create(owner, Map.of("name", "Doomed", "scopes", List.of("read:helpdesk")));
        String key = created.json().get("key").stringValue();
        assertThat(api.get(HttpApi.PROBE).bearer(key).send().status()).isEqualTo(200);

        // When
        Response r = api.delete("/api/settings/api-keys/" + created.json().get("id").stringValue() + "?entityId=" + owner.entity())
                .session(owner.session()).send();

        // Then
        assertThat(r.status()).isEqualTo(204);
        assertError(api.get(HttpApi.PROBE).bearer(key).send(), 401);
        assertThat(find(owner, created.json().get("id").stringValue())).isNull();
    }

    @Test
    void revokingTwiceIs404() {
        // Given
        Owner owner = api.newOwner();
        String id = create(owner, Map.of("name", "Doomed", "scopes", List.of("read:helpdesk"))).json().get("id").stringValue();
        String path = "/api/settings/api-keys/" + id + "?entityId=" + owner.entity();
        api.delete(path).session(owner.session()).send();

        // When
        Response r = api.delete(path).session(owner.session()).send();

        // Then
        assertError(r, 404);
    }

    @Test
    void revokingAKeyOfAnotherEntityIs404AndLeavesItWorking() {
        // Given
        Owner owner = api.newOwner();
        Owner other = api.newOwner();
        Response othersKey = create(other, Map.of("name", "Theirs", "scopes", List.of("read:helpdesk")));

        // When
        Response r = api.delete("/api/settings/api-keys/" + othersKey.json().get("id").stringValue() + "?entityId=" + owner.entity())
                .session(owner.session()).send();

        // Then
        assertError(r, 404);
        assertThat(api.get(HttpApi.PROBE).bearer(othersKey.json().get("key").stringValue()).send().status()).isEqualTo(200);
    }

    @Test
    void revokingAnUnknownKeyIs404AndAMalformedIdIs400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response unknown = api.delete("/api/settings/api-keys/" + java.util.UUID.randomUUID() + "?entityId=" + owner.entity())
                .session(owner.session()).send();
        Response malformed = api.delete("/api/settings/api-keys/nope?entityId=" + owner.entity()).session(owner.session()).send();

        // Then
        assertError(unknown, 404);
        assertError(malformed, 400);
    }

    @Test
    void expiredKeyIs401() throws InterruptedException {
        // Given a key that expires in two seconds
        Owner owner = api.newOwner();
        Instant expiresAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        Response created = create(owner, Map.of("name", "Short-lived", "scopes", List.of("read:helpdesk"),
                "expiresAt", expiresAt.toString()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("expiresAt").stringValue()).matches(TIMESTAMP);
        assertThat(Instant.parse(created.json().get("expiresAt").stringValue())).isEqualTo(expiresAt);
        String key = created.json().get("key").stringValue();
        assertThat(api.get(HttpApi.PROBE).bearer(key).send().status()).isEqualTo(200);

        // When
        Thread.sleep(Duration.between(Instant.now(), expiresAt).plusMillis(300).toMillis());

        // Then
        assertError(api.get(HttpApi.PROBE).bearer(key).send(), 401);
    }

    @Test
    void expiryInThePastIs400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = create(owner, Map.of("name", "Stale", "scopes", List.of("read:helpdesk"), "expiresAt", "2020-01-01T00:00:00Z"));

        // Then
        assertError(r, 400);
    }

    @Test
    void expiryThatIsNotATimestampIs400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response text = create(owner, Map.of("name", "Odd", "scopes", List.of("read:helpdesk"), "expiresAt", "next week"));
        Response number = create(owner, Map.of("name", "Odd", "scopes", List.of("read:helpdesk"), "expiresAt", 1893456000));

        // Then
        assertError(text, 400);
        assertError(number, 400);
    }

    @ParameterizedTest(name = "scope {0}")
    @ValueSource(strings = {"admin:helpdesk", "read", "READ:HELPDESK", ""})
    void unknownScopeIs400(String scope) {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = create(owner, Map.of("name", "Bad", "scopes", List.of("read:helpdesk", scope)));

        // Then
        assertError(r, 400);
    }

    @Test
    void emptyOrMissingScopesAre400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response empty = create(owner, Map.of("name", "None", "scopes", List.of()));
        Response missing = create(owner, Map.of("name", "None"));
        Map<String, Object> nullScopes = new HashMap<>();
        nullScopes.put("name", "None");
        nullScopes.put("scopes", null);
        Response explicitNull = create(owner, nullScopes);

        // Then
        assertError(empty, 400);
        assertError(missing, 400);
        assertError(explicitNull, 400);
    }

    @Test
    void scopesThatAreNotAnArrayOfStringsAre400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response string = create(owner, Map.of("name", "Flat", "scopes", "read:helpdesk"));
        Response numbers = create(owner, Map.of("name", "Numbers", "scopes", List.of(1, 2)));

        // Then
        assertError(string, 400);
        assertError(numbers, 400);
    }

    @Test
    void keyWithoutNameIs400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = create(owner, Map.of("scopes", List.of("read:helpdesk")));

        // Then
        assertError(r, 400);
    }

    @Test
    void adminCanManageKeys() {
        // Given
        Owner owner = api.newOwner();
        Session admin = api.newMember(owner, "admin");

        // When
        Response created = api.post(keys(owner)).session(admin).json(Map.of("name", "Admin's", "scopes", List.of("read:helpdesk"))).send();
        Response list = api.get(keys(owner)).session(admin).send();

        // Then
        assertThat(created.status()).isEqualTo(201);
        assertThat(list.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"agent", "viewer"})
    void agentsAndViewersCannotManageKeys(String role) {
        // Given
        Owner owner = api.newOwner();
        Session member = api.newMember(owner, role);
        String ownersKeyId = api.get(keys(owner)).session(owner.session()).send().json().get(0).get("id").stringValue();

        // When
        Response list = api.get(keys(owner)).session(member).send();
        Response creation = api.post(keys(owner)).session(member).json(Map.of("name", "Mine", "scopes", List.of("read:helpdesk"))).send();
        Response revocation = api.delete("/api/settings/api-keys/" + ownersKeyId + "?entityId=" + owner.entity()).session(member).send();

        // Then
        assertError(list, 403);
        assertError(creation, 403);
        assertError(revocation, 403);
        assertThat(api.get(HttpApi.PROBE).bearer(owner.apiKey()).send().status()).isEqualTo(200);
    }

    @Test
    void apiKeyCannotCallSettingsRoutes() {
        // Given
        Owner owner = api.newOwner();
        String keyId = api.get(keys(owner)).session(owner.session()).send().json().get(0).get("id").stringValue();

        // When
        Response list = api.get(keys(owner)).bearer(owner.apiKey()).send();
        Response creation = api.post(keys(owner)).bearer(owner.apiKey())
                .json(Map.of("name", "Self-made", "scopes", List.of("read:helpdesk"))).send();
        Response revocation = api.delete("/api/settings/api-keys/" + keyId + "?entityId=" + owner.entity()).bearer(owner.apiKey()).send();
        Response members = api.get("/api/settings/members?entityId=" + owner.entity()).bearer(owner.apiKey()).send();

        // Then
        assertError(list, 403);
        assertError(creation, 403);
        assertError(revocation, 403);
        assertError(members, 403);
        assertThat(api.get(HttpApi.PROBE).bearer(owner.apiKey()).send().status()).isEqualTo(200);
    }

    @Test
    void lastUsedAtIsEventuallySetAfterTheKeyIsUsed() throws InterruptedException {
        // Given
        Owner owner = api.newOwner();
        Response created = create(owner, Map.of("name", "Tracked", "scopes", List.of("read:helpdesk")));
        String id = created.json().get("id").stringValue();
        Instant before = Instant.parse(created.json().get("createdAt").stringValue());

        // When
        api.get(HttpApi.PROBE).bearer(created.json().get("key").stringValue()).send();

        // Then (usage is written in batches, so poll)
        JsonNode listed = find(owner, id);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (listed.get("lastUsedAt").isNull() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            listed = find(owner, id);
        }
        assertThat(listed.get("lastUsedAt").isNull()).as("lastUsedAt set within 15 s").isFalse();
        assertThat(listed.get("lastUsedAt").stringValue()).matches(TIMESTAMP);
        assertThat(Instant.parse(listed.get("lastUsedAt").stringValue())).isAfterOrEqualTo(before);
    }

    @Test
    void keyActsOnlyWithinItsScopes() {
        // Given
        Owner owner = api.newOwner();
        String reader = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));
        String writer = api.createKey(owner.session(), owner.entityId(), List.of("write:helpdesk"));

        // When
        Response readerWrites = api.post(HttpApi.PROBE).bearer(reader).json(Map.of()).send();
        Response writerReads = api.get(HttpApi.PROBE).bearer(writer).send();
        Response writerWrites = api.post(HttpApi.PROBE).bearer(writer).json(Map.of()).send();

        // Then
        assertError(readerWrites, 403);
        assertError(writerReads, 403);
        assertThat(writerWrites.status()).isEqualTo(200);
    }
}
