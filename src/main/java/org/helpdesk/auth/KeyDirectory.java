package org.helpdesk.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What authentication needs of API keys, provided by the API-key module (which owns the keys table):
 * the active key with a secret's hash, and recording when keys were used.
 */
public interface KeyDirectory {
    /** A key that is neither revoked nor expired, whose creator is still a member of its entity. */
    Optional<KeyCaller> activeKey(String secretHash, Instant now);

    /** Records the latest use of each key (never moving lastUsedAt backwards). */
    void stampLastUsed(Map<KeyRef, Instant> usage);

    record KeyRef(UUID entityId, UUID id) {
    }
}
