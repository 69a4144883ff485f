package org.helpdesk.apikey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.helpdesk.auth.ApiKeyFormat;
import org.helpdesk.auth.Scope;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.helpdesk.entity.MemberActor;
import org.helpdesk.entity.MemberRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The API key use cases: create (the secret is made here and shown once), list, revoke. Only a hash of the
 * secret is stored. Permission (admins and owners, signed in) is checked by the web adapter.
 */
@Service
public class ApiKeyManagement {
    private final ApiKeys keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyManagement(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A key as lists show it: never the secret. */
    public record KeyView(UUID id, String name, String prefix, Set<Scope> scopes, Instant createdAt,
                          Instant expiresAt, Instant lastUsedAt) {
        static KeyView of(ApiKeys.KeyRow row) {
            return new KeyView(row.id(), row.name(), row.prefix(), row.scopes(), row.createdAt(), row.expiresAt(),
                    row.lastUsedAt());
        }
    }

    /** The creation result: the only time the full key is ever shown. */
    public record CreatedKey(UUID id, String name, String prefix, Set<Scope> scopes, Instant createdAt,
                             Instant expiresAt, Instant lastUsedAt, String key) {
    }

    public List<KeyView> list(UUID entityId) {
        return keys.active(entityId).stream().map(KeyView::of).toList();
    }

    /** A new key of the actor's entity, acting for the actor (an admin or owner, checked by the adapter). */
    public CreatedKey create(MemberActor actor, NewApiKey command) {
        Instant now = Times.now(clock);
        if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
            throw new InvalidInput("expiresAt must be in the future");
        }
        Set<Scope> scopes = EnumSet.copyOf(command.scopes());
        String secret = ApiKeyFormat.newSecret(random);
        ApiKeys.KeyRow row = new ApiKeys.KeyRow(Ids.newId(), actor.entityId(), command.name(),
                ApiKeyFormat.prefix(secret), scopes, actor.userId(), now, command.expiresAt(), null);
        keys.insert(row, ApiKeyFormat.hash(secret));
        return new CreatedKey(row.id(), row.name(), row.prefix(), scopes, now, command.expiresAt(), null, secret);
    }

    public void revoke(MemberActor actor, UUID keyId) {
        if (!keys.revoke(actor.entityId(), keyId, Times.now(clock))) {
            throw new NotFound("No such API key in this entity");
        }
    }

    @EventListener
    void onMemberRemoved(MemberRemoved event) {
        keys.revokeCreatedBy(event.entityId(), event.userId(), event.at());
    }
}
