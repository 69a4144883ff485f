package org.helpdesk.apikey;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.helpdesk.auth.Scope;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.entity.MemberRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Creating, listing and revoking API keys (admins and owners, signed in). */
@RestController
class ApiKeyController {
    private final ApiKeyService service;
    private final ApiKeys keys;

    ApiKeyController(ApiKeyService service, ApiKeys keys) {
        this.service = service;
        this.keys = keys;
    }

    record KeyView(UUID id, String name, String prefix, Set<Scope> scopes, Instant createdAt, Instant expiresAt,
                   Instant lastUsedAt) {
        static KeyView of(ApiKeyService.Key key) {
            return new KeyView(key.id(), key.name(), key.prefix(), key.scopes(), key.createdAt(), key.expiresAt(),
                    key.lastUsedAt());
        }
    }

    /** The creation response: the only time the full key is ever shown. */
    record CreatedKey(UUID id, String name, String prefix, Set<Scope> scopes, Instant createdAt, Instant expiresAt,
                      Instant lastUsedAt, String key) {
    }

    @GetMapping("/api/settings/api-keys")
    List<KeyView> list(Tenant tenant) {
        return service.list(tenant).stream().map(KeyView::of).toList();
    }

    @PostMapping("/api/settings/api-keys")
    ResponseEntity<CreatedKey> create(Tenant tenant, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        JsonInput in = JsonInput.of(body);
        String name = JsonInput.text(in.requiredString("name"), "name", ApiKeyService.MAX_NAME);
        List<String> requested = in.stringList("scopes");
        if (requested == null || requested.isEmpty()) {
            throw new InvalidInput("scopes must be a non-empty array of read:helpdesk and write:helpdesk");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        requested.forEach(s -> scopes.add(Scope.parse(s)));
        ApiKeyService.Created created = service.create(tenant, name, scopes, expiry(in.string("expiresAt")));
        ApiKeyService.Key key = created.key();
        return ResponseEntity.created(URI.create("/api/settings/api-keys/" + key.id()))
                .body(new CreatedKey(key.id(), key.name(), key.prefix(), key.scopes(), key.createdAt(),
                        key.expiresAt(), null, created.secret()));
    }

    @DeleteMapping("/api/settings/api-keys/{id}")
    ResponseEntity<Void> revoke(Tenant tenant, @PathVariable String id) {
        tenant.requireAdmin();
        service.revoke(tenant, Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

    @EventListener
    void onMemberRemoved(MemberRemoved event) {
        keys.revokeCreatedBy(event.entityId(), event.userId(), event.at());
    }

    private static Instant expiry(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("expiresAt must be an ISO-8601 timestamp such as 2030-01-31T00:00:00Z");
        }
    }
}
