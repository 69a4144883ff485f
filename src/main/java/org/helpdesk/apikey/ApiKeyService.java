package org.helpdesk.apikey;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.helpdesk.auth.Scope;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Hashing;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.springframework.stereotype.Service;

/** The API key use cases, for the JSON settings routes and the settings pages alike (admins and owners). */
@Service
public class ApiKeyService {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SECRET_LENGTH = 40; // about 238 bits of entropy
    private static final int PREFIX_LENGTH = 8;  // "ak_" and 5 characters: enough to tell keys apart
    static final int MAX_NAME = 255;

    private final ApiKeys keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A key as it is listed: never the secret. */
    public record Key(UUID id, String name, String prefix, Set<Scope> scopes, Instant createdAt, Instant expiresAt,
                      Instant lastUsedAt) {
        static Key of(ApiKeys.KeyRow row) {
            return new Key(row.id(), row.name(), row.prefix(), row.scopes(), row.createdAt(), row.expiresAt(),
                    row.lastUsedAt());
        }
    }

    /** A new key with its secret: the only time the secret exists outside its hash. */
    public record Created(Key key, String secret) {
    }

    public List<Key> list(Tenant tenant) {
        tenant.requireAdmin();
        return keys.active(tenant.entityId()).stream().map(Key::of).toList();
    }

    /** {@code expiresAt} may be null (never expires); otherwise it must lie in the future. */
    public Created create(Tenant tenant, String name, Set<Scope> scopes, Instant expiresAt) {
        tenant.requireAdmin();
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInput("scopes must be a non-empty array of read:helpdesk and write:helpdesk");
        }
        Instant now = Times.now(clock);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInput("expiresAt must be in the future");
        }
        String secret = newSecret();
        ApiKeys.KeyRow row = new ApiKeys.KeyRow(Ids.newId(), tenant.entityId(), name, secret.substring(0, PREFIX_LENGTH),
                java.util.EnumSet.copyOf(scopes), tenant.userId(), now, expiresAt, null);
        keys.insert(row, Hashing.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII)));
        return new Created(Key.of(row), secret);
    }

    public void revoke(Tenant tenant, UUID id) {
        tenant.requireAdmin();
        if (!keys.revoke(tenant.entityId(), id, Times.now(clock))) {
            throw new NotFound("No such API key in this entity");
        }
    }

    private String newSecret() {
        StringBuilder key = new StringBuilder("ak_");
        for (int i = 0; i < SECRET_LENGTH; i++) {
            key.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return key.toString();
    }
}
