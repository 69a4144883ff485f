package org.helpdesk.apikey;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.helpdesk.auth.Scope;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Hashing;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
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
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SECRET_LENGTH = 40; // about 238 bits of entropy
    private static final int PREFIX_LENGTH = 8;  // "ak_" and 5 characters: enough to tell keys apart

    private final ApiKeys keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyController(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    record KeyView(UUID id, String name, String prefix, Set<Scope> scopes, Instant createdAt, Instant expiresAt,
                   Instant lastUsedAt) {
        static KeyView of(ApiKeys.KeyRow row) {
            return new KeyView(row.id(), row.name(), row.prefix(), row.scopes(), row.createdAt(), row.expiresAt(),
                    row.lastUsedAt());
        }
    }

    /** The creation response: the only time the full key is ever shown. */
    record CreatedKey(UUID id, String name, String prefix, Set<Scope> scopes, Instant createdAt, Instant expiresAt,
                      Instant lastUsedAt, String key) {
    }

    @GetMapping("/api/settings/api-keys")
    List<KeyView> list(Tenant tenant) {
        tenant.requireAdmin();
        return keys.active(tenant.entityId()).stream().map(KeyView::of).toList();
    }

    @PostMapping("/api/settings/api-keys")
    ResponseEntity<CreatedKey> create(Tenant tenant, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        JsonInput in = JsonInput.of(body);
        String name = JsonInput.text(in.requiredString("name"), "name", 255);
        List<String> requested = in.stringList("scopes");
        if (requested == null || requested.isEmpty()) {
            throw new InvalidInput("scopes must be a non-empty array of read:helpdesk and write:helpdesk");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        requested.forEach(s -> scopes.add(Scope.parse(s)));
        Instant now = Times.now(clock);
        Instant expiresAt = expiry(in.string("expiresAt"), now);

        String secret = newSecret();
        ApiKeys.KeyRow row = new ApiKeys.KeyRow(Ids.newId(), tenant.entityId(), name, secret.substring(0, PREFIX_LENGTH),
                scopes, tenant.userId(), now, expiresAt, null);
        keys.insert(row, Hashing.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII)));
        return ResponseEntity.created(URI.create("/api/settings/api-keys/" + row.id()))
                .body(new CreatedKey(row.id(), name, row.prefix(), scopes, now, expiresAt, null, secret));
    }

    @DeleteMapping("/api/settings/api-keys/{id}")
    ResponseEntity<Void> revoke(Tenant tenant, @PathVariable String id) {
        tenant.requireAdmin();
        if (!keys.revoke(tenant.entityId(), Ids.parse(id, "id"), Times.now(clock))) {
            throw new NotFound("No such API key in this entity");
        }
        return ResponseEntity.noContent().build();
    }

    @EventListener
    void onMemberRemoved(MemberRemoved event) {
        keys.revokeCreatedBy(event.entityId(), event.userId(), event.at());
    }

    private String newSecret() {
        StringBuilder key = new StringBuilder("ak_");
        for (int i = 0; i < SECRET_LENGTH; i++) {
            key.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return key.toString();
    }

    private static Instant expiry(String value, Instant now) {
        if (value == null) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("expiresAt must be an ISO-8601 timestamp such as 2030-01-31T00:00:00Z");
        }
        if (!at.isAfter(now)) {
            throw new InvalidInput("expiresAt must be in the future");
        }
        return at;
    }

}
